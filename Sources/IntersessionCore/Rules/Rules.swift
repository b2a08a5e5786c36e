/// The rules that turn one op into mutations of the state: authorisation by the author's role at
/// the change's seq, references to existing entities, and last-writer-wins. Pure: the same op and
/// the same state give the same mutations on every replica.
public enum Rules {
    public static func mutations(
        forOp index: Int, of change: SignedChange, in group: GroupID, reader: some StateReader
    ) throws -> [Mutation] {
        let body = change.body
        let stamp = change.stamp
        let op = body.ops[index]
        func reject(_ reason: RejectionReason) -> [Mutation] { [.rejectOp(index: index, reason: reason)] }

        if case .groupCreate(let create) = op {
            guard body.isGenesis, change.hash == group, index == 0 else { return reject(.genesisOnly) }
            return [
                .createGroup(id: group, title: create.title, founder: body.author, stamp: stamp),
                .grantRole(feed: body.author, role: .secretariat, fromSeq: 1, stamp: stamp),
            ] + (create.sealed ? [.sealGroup] : []) + agreementKey(create.agreementKey, of: body.author)
        }
        if case .unknown = op { return reject(.unsupportedOp) }
        if let problem = ContentCheck.problem(in: op) { return reject(problem) }
        if case .memberJoin(let join) = op {
            // A join needs no role: it is how a role is obtained.
            guard let invite = try reader.invite(join.invite) else { return reject(.unknownInvite) }
            guard isProven(join, by: body.author, in: group, key: invite.key) else { return reject(.badInviteProof) }
            return [.redeemInvite(invite: join.invite, roles: invite.roles, fromSeq: body.seq, stamp: stamp),
                    .audit(index: index, action: op.type, target: join.invite.hex,
                           detail: invite.roles.map(\.rawValue).joined(separator: ", "))]
                + agreementKey(join.agreementKey, of: body.author)
        }

        if case .memberProfile(let profile) = op, try redeemsAnInvite(change, in: group, reader: reader) {
            // A redeemer presents themselves with the join, so that the secretariat can tell
            // the redeemers of a contested invite apart before any of them is seated.
            return try profileMutations(profile, change: change, reader: reader)
        }

        let roles = try reader.roles(of: body.author, atSeq: body.seq)
        guard !roles.isEmpty else { return reject(.notAuthorised) }

        switch op {
        case .groupCreate, .unknown, .memberJoin:
            return []
        case .memberInvite(let invite):
            guard roles.contains(.secretariat) else { return reject(.notAuthorised) }
            return [.createInvite(id: change.entity(index), invite: invite, stamp: stamp),
                    .audit(index: index, action: op.type, target: change.entity(index).hex,
                           detail: "\(invite.name), \(invite.organisation), \(invite.role.rawValue)")]
                + agreementKey(invite.agreementKey, of: invite.key)
        case .groupKey(let key):
            guard roles.contains(.secretariat) else { return reject(.notAuthorised) }
            guard try EpochRules.isValid(key, in: body, group: group, reader: reader) else { return reject(.badEpoch) }
            return [.startEpoch(id: change.entity(index), key: key, author: body.author, seq: body.seq),
                    .audit(index: index, action: op.type, target: change.entity(index).hex,
                           detail: "epoch \(key.number), \(key.wraps.count) recipients")]
        case .memberRole(let grant):
            guard roles.contains(.secretariat) else { return reject(.notAuthorised) }
            return [.grantRole(feed: grant.feed, role: grant.role, fromSeq: grant.fromSeq, until: grant.until, stamp: stamp),
                    .audit(index: index, action: op.type, target: grant.feed.hex, detail: grant.role.rawValue)]
        case .memberRevoke(let revoke):
            guard roles.contains(.secretariat) else { return reject(.notAuthorised) }
            return [.revokeRole(feed: revoke.feed, role: revoke.role, lastSeq: revoke.lastSeq, stamp: stamp),
                    .audit(index: index, action: op.type, target: revoke.feed.hex,
                           detail: (revoke.role?.rawValue ?? "all roles") + " after seq \(revoke.lastSeq)")]
        case .memberAdmit(let admit):
            guard roles.contains(.secretariat) else { return reject(.notAuthorised) }
            guard try reader.invite(admit.invite) != nil else { return reject(.unknownInvite) }
            return [.admitInvite(invite: admit.invite, feed: admit.feed, stamp: stamp),
                    .audit(index: index, action: op.type, target: admit.invite.hex, detail: admit.feed.hex)]
        case .memberUninvite(let cancel):
            guard roles.contains(.secretariat) else { return reject(.notAuthorised) }
            guard try reader.invite(cancel.invite) != nil else { return reject(.unknownInvite) }
            return [.cancelInvite(invite: cancel.invite, seen: cancel.seen, stamp: stamp),
                    .audit(index: index, action: op.type, target: cancel.invite.hex, detail: nil)]
        case .pollCreate(let poll):
            guard roles.contains(where: \.moderates) else { return reject(.notAuthorised) }
            guard PollRules.isValid(poll) else { return reject(.invalidContent) }
            return [.createPoll(id: change.entity(index), poll: poll, stamp: stamp),
                    .audit(index: index, action: op.type, target: change.entity(index).hex, detail: poll.kind.rawValue)]
        case .pollVote(let vote):
            guard let poll = try reader.poll(vote.poll) else { return reject(.unknownPoll) }
            guard !roles.isDisjoint(with: poll.electorate) else { return reject(.notEligible) }
            guard let choice = PollRules.choice(vote, in: poll) else { return reject(.invalidBallot) }
            return [.castBallot(poll: vote.poll, choice: choice, stamp: stamp)]
        case .pollClose(let close):
            guard roles.contains(where: \.moderates) else { return reject(.notAuthorised) }
            guard try reader.poll(close.poll) != nil else { return reject(.unknownPoll) }
            guard CloseFrontier.isCovered(close.frontier, by: body) else { return reject(.frontierOutsideDeps) }
            return [.closePoll(poll: close.poll, frontier: close.frontier, stamp: stamp),
                    .audit(index: index, action: op.type, target: close.poll.hex, detail: nil)]
        case .pollOutcome(let outcome):
            guard roles.contains(where: \.moderates) else { return reject(.notAuthorised) }
            guard try reader.poll(outcome.poll) != nil else { return reject(.unknownPoll) }
            guard ContentCheck.isBody(outcome.statement) else { return reject(.invalidContent) }
            return [.setRegister(entity: outcome.poll, register: .outcome, value: outcome.statement, stamp: stamp),
                    .audit(index: index, action: op.type, target: outcome.poll.hex, detail: nil)]
        case .pollNominate(let nomination):
            guard let poll = try reader.poll(nomination.poll) else { return reject(.unknownPoll) }
            guard poll.kind == .election, let seat = poll.seat else { return reject(.notAnElection) }
            let isSelf = nomination.nominee == body.author
            if isSelf {
                guard roles.contains(seat.candidateRole) else { return reject(.notEligibleCandidate) }
            } else {
                guard !roles.isDisjoint(with: poll.electorate) || roles.contains(where: \.moderates) else { return reject(.notEligible) }
            }
            return [.nominate(id: change.entity(index), poll: nomination.poll, nominee: nomination.nominee, accepted: isSelf, stamp: stamp),
                    .audit(index: index, action: op.type, target: nomination.poll.hex, detail: nomination.nominee.hex)]
        case .pollAccept(let accept):
            guard let nomination = try reader.nomination(accept.nomination),
                let poll = try reader.poll(nomination.poll), let seat = poll.seat
            else { return reject(.unknownNomination) }
            guard nomination.nominee == body.author else { return reject(.notAuthor) }
            guard roles.contains(seat.candidateRole) else { return reject(.notEligibleCandidate) }
            return [.acceptNomination(id: accept.nomination, stamp: stamp),
                    .audit(index: index, action: op.type, target: nomination.poll.hex, detail: body.author.hex)]
        case .draftCreate, .draftEdit, .draftPenholders, .draftStatus, .draftVersion, .amendPropose, .amendPosition, .amendDecide:
            return try DraftRules.mutations(op, index: index, change: change, roles: roles, reader: reader, reject: reject)
        case .meeting(let meeting):
            return try MeetingRules.mutations(meeting, index: index, change: change, roles: roles, reader: reader, reject: reject)
        case .attachment(let attachment):
            return try AttachmentRules.mutations(attachment, index: index, change: change, roles: roles, reader: reader, reject: reject)
        case .recommendation(let recommendation):
            return try RecommendationRules.mutations(recommendation, index: index, change: change, roles: roles, reader: reader, reject: reject)
        case .practice(let practice):
            return try PracticeRules.mutations(practice, index: index, change: change, roles: roles, reader: reader, reject: reject)
        case .moderation(let moderation):
            guard roles.contains(where: \.moderates) else { return reject(.notAuthorised) }
            return try ModerationRules.mutations(moderation, index: index, stamp: stamp, reader: reader, reject: reject)
        case .memberProfile(let profile):
            return try profileMutations(profile, change: change, reader: reader)
        case .topicCreate(let topic):
            guard roles.contains(where: \.moderates) else { return reject(.notAuthorised) }
            return [.createTopic(id: change.entity(index), key: topic.key, title: topic.title, order: topic.order, stamp: stamp)]
        case .threadCreate(let thread):
            guard try reader.topicExists(thread.topic) else { return reject(.unknownTopic) }
            if let draft = thread.draft, try reader.draft(draft) == nil { return reject(.unknownDraft) }
            let id = change.entity(index)
            let anchoring: [Mutation] = thread.draft.map { [.anchorThread(id, draft: $0, anchor: thread.anchor)] } ?? []
            return anchoring + [
                .createThread(id: id, topic: thread.topic, title: thread.title, stamp: stamp),
                .createPost(NewPost(id: id, thread: id, parent: nil, body: thread.body, language: thread.language,
                                    quote: nil, stamp: stamp, opIndex: index)),
            ]
        case .postCreate(let post):
            guard let parent = try reader.post(post.parent) else { return reject(.unknownPost) }
            guard parent.thread == post.thread else { return reject(.wrongThread) }
            if let frontier = try reader.lockFrontier(of: post.thread), (frontier[body.author] ?? 0) < body.seq,
                !roles.contains(where: \.moderates)
            {
                return reject(.threadLocked)
            }
            return [.createPost(NewPost(id: change.entity(index), thread: post.thread, parent: post.parent,
                                        body: post.body, language: post.language, quote: post.quote,
                                        stamp: stamp, opIndex: index))]
        case .postEdit(let edit):
            guard let target = try reader.post(edit.post) else { return reject(.unknownPost) }
            guard target.author == body.author else { return reject(.notAuthor) }
            // Only the author edits and retracts, in the order of their own feed, so this is
            // decided the same way on every replica.
            guard !target.retracted else { return reject(.retracted) }
            return [.addPostVersion(post: edit.post, body: edit.body, stamp: stamp, isCurrent: target.bodyStamp < stamp)]
        case .postRetract(let retract):
            guard let target = try reader.post(retract.post) else { return reject(.unknownPost) }
            guard target.author == body.author else { return reject(.notAuthor) }
            guard !target.retracted else { return reject(.retracted) }
            return [.retractPost(post: retract.post, stamp: stamp)]
        }
    }

    private static func agreementKey(_ key: [UInt8]?, of feed: FeedID) -> [Mutation] {
        key.map { [.publishAgreementKey(feed: feed, key: $0)] } ?? []
    }

    private static func isProven(_ join: MemberJoin, by feed: FeedID, in group: GroupID, key: FeedID) -> Bool {
        SignatureCheck.isValid(signature: join.proof, of: MemberJoin.message(group: group, feed: feed), by: key)
    }

    /// Whether the change holds a `member.join` that counts.
    private static func redeemsAnInvite(_ change: SignedChange, in group: GroupID, reader: some StateReader) throws -> Bool {
        for case .memberJoin(let join) in change.body.ops {
            if let invite = try reader.invite(join.invite), isProven(join, by: change.author, in: group, key: invite.key) { return true }
        }
        return false
    }

    private static func profileMutations(_ profile: MemberProfile, change: SignedChange, reader: some StateReader) throws -> [Mutation] {
        if let current = try reader.profileStamp(of: change.author), current >= change.stamp { return [] }
        return [.setProfile(feed: change.author, profile: profile, stamp: change.stamp)]
    }
}
