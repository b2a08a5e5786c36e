import Testing
@testable import IntersessionCore

/// What each op names outside its change, from which an author derives the change's `deps`.
@Suite struct OpDependencyTests {
    static let post = EntityID(hex: String(repeating: "01", count: 16))!
    static let thread = EntityID(hex: String(repeating: "02", count: 16))!
    static let topic = EntityID(hex: String(repeating: "03", count: 16))!
    static let poll = EntityID(hex: String(repeating: "04", count: 16))!
    static let draft = EntityID(hex: String(repeating: "05", count: 16))!
    static let alice = DeviceKey().feed, bob = DeviceKey().feed

    @Test func anOpNamesTheEntitiesItActsOn() {
        #expect(Op.postCreate(PostCreate(thread: Self.thread, parent: Self.post, body: "x", language: .en)).references == [Self.post])
        #expect(Op.moderation(Moderation(.move(thread: Self.thread, topic: Self.topic))).references == [Self.thread, Self.topic])
        #expect(Op.pollVote(PollVote(poll: Self.poll, position: .agree)).references == [Self.poll])
        #expect(Op.threadCreate(ThreadCreate(topic: Self.topic, title: "t", body: "b", language: .fr, draft: Self.draft)).references
            == [Self.topic, Self.draft])
        #expect(Op.memberProfile(MemberProfile(name: "n", organisation: "o", language: .en)).references.isEmpty)
    }

    @Test func anOpNamesTheFeedPositionsItCountsFromOrUpTo() {
        #expect(Op.memberRole(MemberRole(feed: Self.alice, role: .member, fromSeq: 5)).namedPositions == [Self.alice: 4])
        #expect(Op.memberRole(MemberRole(feed: Self.alice, role: .member, fromSeq: 1)).namedPositions.isEmpty)
        #expect(Op.memberRevoke(MemberRevoke(feed: Self.bob, role: nil, lastSeq: 7, lastHash: nil)).namedPositions == [Self.bob: 7])
        let hash = ChangeHash(bytes: Array(repeating: 7, count: 32))!
        #expect(Op.pollClose(PollClose(poll: Self.poll, frontier: [Self.alice: FeedHead(seq: 3, hash: hash)])).namedPositions == [Self.alice: 3])
        #expect(Op.memberUninvite(MemberUninvite(invite: Self.poll, seen: [Self.bob: 4, Self.alice: 0])).namedPositions == [Self.bob: 4])
        let pens = DraftPenholders(draft: Self.draft, additions: [.init(feed: Self.alice, fromSeq: 6)],
                                   removals: [.init(feed: Self.bob, lastSeq: 8, lastHash: hash)])
        #expect(Op.draftPenholders(pens).namedPositions == [Self.alice: 5, Self.bob: 8])
        #expect(Op.moderation(Moderation(.lock(thread: Self.thread, frontier: [Self.bob: 2]))).namedPositions == [Self.bob: 2])
        #expect(Op.draftVersion(DraftVersion(draft: Self.draft, name: "Rev.1", heads: [Self.alice: 9])).namedPositions == [Self.alice: 9])
    }

    @Test func aBallotFollowsItsCandidatesAndAnAmendmentItsDraft() {
        #expect(Op.pollVote(PollVote(poll: Self.poll, candidates: [Self.bob, Self.alice])).namedFeeds == [Self.bob, Self.alice])
        #expect(Op.pollNominate(PollNominate(poll: Self.poll, nominee: Self.bob)).namedFeeds == [Self.bob])
        #expect(Op.memberAdmit(MemberAdmit(invite: Self.poll, feed: Self.bob)).namedFeeds == [Self.bob])
        let proposal = AmendPropose(draft: Self.draft, kind: .delete, from: nil, to: nil, text: "", rationale: "r")
        #expect(Op.amendPropose(proposal).readsDraft == Self.draft)
        #expect(Op.threadCreate(ThreadCreate(topic: Self.topic, title: "t", body: "b", language: .en, draft: Self.draft)).readsDraft == nil)
    }

    @Test func anAmendmentCoversOnlyWhatDiffers() {
        let (removed, added) = AmendmentSpan.difference(from: "Members should publish thresholds.", to: "Members should publish and update thresholds.")
        #expect(removed == 23..<23 && added == "and update ")
        #expect(AmendmentSpan.kind(removing: removed, adding: added) == .insert)
        #expect(AmendmentSpan.kind(removing: 0..<3, adding: "") == .delete)
        #expect(AmendmentSpan.range(in: "# T\n\nOne two three.\n", paragraph: 1, span: "two") == .success(9..<12))
        #expect(AmendmentSpan.range(in: "# T\n\nOne two.\n", paragraph: 4, span: nil) == .failure(.noParagraph(4)))
    }

    @Test func aCommentTitleFitsTheLimit() {
        let title = DraftComment.title(paragraph: 3, symbol: "WGEC/2026/3", draftTitle: String(repeating: "long ", count: 60))
        #expect(title.count == Limits.titleCharacters && title.hasSuffix("…") && title.hasPrefix("¶3 WGEC/2026/3: "))
        #expect(DraftComment.title(paragraph: 1, symbol: "S", draftTitle: "T") == "¶1 S: T")
    }
}
