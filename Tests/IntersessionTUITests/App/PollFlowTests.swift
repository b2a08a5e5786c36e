import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore
import IntersessionSync
@testable import IntersessionTUI

@Suite struct PollFlowTests {
    @Test func aDelegateVotesOnAProposalAndChangesTheirVote() throws {
        let fixture = try DemoFixture(peer: "delegate-jp")
        fixture.press(.character("V"))
        guard case .polls(let list) = fixture.runtime.model.screen,
            let index = list.items.firstIndex(where: { $0.kind == "proposal" })
        else { Issue.record("no polls"); return }
        for _ in 0..<index { fixture.press(.down) }
        fixture.press(.enter, .enter, .enter)  // open, vote, agree
        guard case .poll(let poll) = fixture.runtime.model.screen else { Issue.record("not on the poll"); return }
        #expect(poll.detail?.result?.counts["agree"] == 2)
        fixture.press(.enter, .down, .down, .down, .enter)  // block asks for a reason
        fixture.type("Item 3 is not ready")
        fixture.press(.enter)
        guard case .poll(let changed) = fixture.runtime.model.screen else { return }
        #expect(changed.detail?.result?.counts["agree"] == 1 && changed.detail?.result?.blocked == true)
    }

    @Test func aCochairClosesAndTheRecordIsFinal() throws {
        let fixture = try DemoFixture(peer: "cochair-fr")
        fixture.press(.character("V"), .enter, .character("C"))
        // Closing is asked about first; Esc leaves the poll open.
        #expect(fixture.runtime.model.confirmation != nil)
        fixture.press(.escape)
        guard case .poll(let open) = fixture.runtime.model.screen else { Issue.record("not on the poll"); return }
        #expect(open.detail?.summary.closed == false && fixture.runtime.model.confirmation == nil)
        fixture.press(.character("C"), .character("y"))
        guard case .poll(let poll) = fixture.runtime.model.screen else { Issue.record("not on the poll"); return }
        #expect(poll.detail?.summary.closed == true)
        fixture.press(.enter)
        guard case .poll(let after) = fixture.runtime.model.screen else { return }
        #expect(after.voting == nil)  // a closed poll takes no vote
    }

    @Test func choicesAreTypedAsNumbers() throws {
        let fixture = try DemoFixture(peer: "delegate-jp")
        fixture.press(.character("V"))
        guard case .polls(let list) = fixture.runtime.model.screen,
            let index = list.items.firstIndex(where: { $0.kind == "single" })
        else { Issue.record("no polls"); return }
        for _ in 0..<index { fixture.press(.down) }
        fixture.press(.enter, .character("v"))
        fixture.type("2")
        fixture.press(.enter)
        guard case .poll(let poll) = fixture.runtime.model.screen else { return }
        #expect(poll.detail?.result?.counts["Online"] == 2)
    }
}

@Suite struct PollDeadlineTests {
    @Test func closersArePromptedWhenADeadlineHasPassed() throws {
        let fixture = try DemoFixture(peer: "cochair-fr")
        fixture.runtime.runner.clock = { DemoFixture.now + 30 * 86_400_000 }
        fixture.perform(.loadStatus)
        #expect(fixture.runtime.model.flash?.contains("Venue of the next meeting") == true
            || fixture.runtime.model.flash?.contains("Adopt the agenda") == true)
        let delegate = try DemoFixture(peer: "delegate-jp")
        delegate.runtime.runner.clock = { DemoFixture.now + 30 * 86_400_000 }
        delegate.perform(.loadStatus)
        #expect(delegate.runtime.model.flash == nil)
    }
}

/// An election in the interface: nominate, vote by candidate numbers, close, and the grant.
@Suite struct ElectionFlowTests {
    /// The secretariat also holds the member role here, so it may stand and vote.
    static func secretariatAsMember() throws -> DemoFixture {
        let fixture = try DemoFixture(peer: "secretariat")
        let me = fixture.session.key.feed
        let head = try fixture.session.store.feedProgress()[me]?.head ?? 0
        _ = try fixture.session.store.author(ops: [.memberRole(MemberRole(feed: me, role: .member, fromSeq: head + 2))],
                                             references: [], key: fixture.session.key, now: DemoFixture.now)
        fixture.perform(.loadStatus)
        return fixture
    }

    static func openElection(_ fixture: DemoFixture) {
        fixture.press(.character("V"))
        guard case .polls(let list) = fixture.runtime.model.screen,
            let index = list.items.firstIndex(where: { $0.kind == "election" })
        else { Issue.record("no election"); return }
        for _ in 0..<index { fixture.press(.down) }
        fixture.press(.enter)
    }

    @Test func aMemberStandsVotesAndTheSecretariatClosesAndGrants() throws {
        let fixture = try Self.secretariatAsMember()
        Self.openElection(fixture)
        fixture.press(.character("N"))
        guard case .poll(let picking) = fixture.runtime.model.screen else { Issue.record("not on the poll"); return }
        #expect(picking.nominating == 0)
        fixture.press(.enter)
        guard case .poll(let nominated) = fixture.runtime.model.screen, let detail = nominated.detail else { return }
        #expect(detail.candidates.map(\.name) == ["Kenji Watanabe", "Ana Ribeiro"])
        #expect(detail.candidates.allSatisfy { $0.accepted })
        fixture.press(.character("v"))
        fixture.type("2 1")
        fixture.press(.enter)
        fixture.press(.character("C"), .character("y"))
        guard case .poll(let closed) = fixture.runtime.model.screen, let record = closed.detail else { return }
        #expect(record.summary.closed && record.result?.winners == ["Ana Ribeiro"])
        #expect(record.cochairGrantDue == fixture.session.key.feed.hex)
        #expect(fixture.screen().contains { $0.contains(fixture.runtime.model.catalog[.pollGrantPrompt, "Ana Ribeiro"]) })
        fixture.perform(.loadStatus)
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.cochairGrantDue, "Ana Ribeiro"])
        fixture.press(.character("g"), .character("y"))
        guard case .poll(let granted) = fixture.runtime.model.screen else { return }
        #expect(granted.detail?.cochairGrantDue == nil)
        let me = try #require(try fixture.session.store.members().first { $0.feed == fixture.session.key.feed.hex })
        #expect(me.roles.contains("cochair") && me.terms["cochair"] == DemoFixture.now + 365 * 86_400_000)
    }

    @Test func aNomineeAcceptsWithA() throws {
        let fixture = try Self.secretariatAsMember()
        let store = fixture.session.store
        let poll = try #require(try store.polls().first { $0.kind == "election" })
        guard let pollID = EntityID(hex: poll.id) else { return }
        // Someone else nominates the secretariat: a co-chair's change, applied here.
        let cochair = try Session.open(DemoWorkspace(folder: fixture.folder).home("cochair-fr"))
        try cochair.store.apply(try store.changes(of: fixture.session.key.feed, in: 1...100))
        let nomination = try cochair.store.author(
            ops: [.pollNominate(PollNominate(poll: pollID, nominee: fixture.session.key.feed))], references: [pollID],
            key: cochair.key, now: DemoFixture.now)
        try store.apply([nomination])
        Self.openElection(fixture)
        guard case .poll(let before) = fixture.runtime.model.screen else { return }
        #expect(before.detail?.candidates.last.map { ($0.name, $0.accepted) } ?? ("", true) == ("Ana Ribeiro", false))
        fixture.press(.character("a"))
        guard case .poll(let after) = fixture.runtime.model.screen else { return }
        #expect(after.detail?.candidates.last?.accepted == true)
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.pollAccepted])
    }
}

/// A ballot on a poll this replica knows is closed is refused, and the status line says why,
/// in the interface's language; nothing is signed.
@Suite struct ClosedPollRefusalTests {
    /// The delegate's screen shows the poll open; meanwhile a co-chair's close arrives.
    static func voteAfterAnUnseenClose(language: Language) throws -> (DemoFixture, before: Int64, after: Int64) {
        let fixture = try DemoFixture(peer: "delegate-jp", language: language)
        fixture.press(.character("V"))
        guard case .polls(let list) = fixture.runtime.model.screen,
            let index = list.items.firstIndex(where: { $0.kind == "proposal" })
        else { Issue.record("no polls"); return (fixture, 0, 0) }
        for _ in 0..<index { fixture.press(.down) }
        fixture.press(.enter)
        guard case .poll(let poll) = fixture.runtime.model.screen else { Issue.record("not on the poll"); return (fixture, 0, 0) }
        let cochair = try Actions(home: DemoWorkspace(folder: fixture.folder).home("cochair-fr"), clock: { DemoFixture.now })
        try cochair.close(poll: poll.id)
        try fixture.session.store.apply(try cochair.store.changes(of: cochair.me, in: 1...1000))
        let me = fixture.session.key.feed
        let before = try fixture.session.store.feedProgress()[me]?.head ?? 0
        fixture.press(.character("v"), .enter)  // the dialog opens on the stale screen; agree
        let after = try fixture.session.store.feedProgress()[me]?.head ?? 0
        return (fixture, before, after)
    }

    @Test func theRefusalShowsOnTheStatusLineAndNothingIsSigned() throws {
        let (fixture, before, after) = try Self.voteAfterAnUnseenClose(language: .en)
        #expect(after == before)
        let flash = try #require(fixture.runtime.model.flash)
        #expect(flash.hasPrefix("Error: poll ") && flash.contains("is closed here: a vote now would never count"))
        #expect(fixture.screen().contains { $0.contains("is closed here") })
    }

    @Test func theRefusalIsInFrenchOnAFrenchScreen() throws {
        let (fixture, before, after) = try Self.voteAfterAnUnseenClose(language: .fr)
        #expect(after == before)
        #expect(fixture.runtime.model.flash?.contains("est clos ici\u{202F}: un vote ne compterait jamais") == true)
    }

    @Test func aPollShownClosedSaysWhyItTakesNoVote() throws {
        let fixture = try DemoFixture(peer: "cochair-fr", language: .fr)
        fixture.press(.character("V"), .enter, .character("C"), .character("o"))  // o: oui
        fixture.press(.character("v"))
        guard case .poll(let poll) = fixture.runtime.model.screen else { Issue.record("not on the poll"); return }
        #expect(poll.voting == nil)
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.errorPrefix,
            fixture.runtime.model.catalog.text(ActionError.pollClosed(poll: String(poll.id.prefix(8))).phrase)])
    }
}
