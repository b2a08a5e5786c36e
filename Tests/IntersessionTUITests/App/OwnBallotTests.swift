import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionTUI

/// A poll shows one's own ballot, and an open one its outcome as things stand, counted by the
/// store with the core's tallies; a hidden tally stays hidden.
@Suite struct OwnBallotTests {
    func openProposal(_ fixture: DemoFixture) -> Bool {
        fixture.press(.character("V"))
        guard case .polls(let list) = fixture.runtime.model.screen,
              let index = list.items.firstIndex(where: { $0.kind == "proposal" }) else { return false }
        for _ in 0..<index { fixture.press(.down) }
        fixture.press(.enter)
        return true
    }

    @Test(arguments: [Language.en, .fr]) func aProposalShowsTheBallotAndTheStandingOutcome(_ language: Language) throws {
        let fixture = try DemoFixture(peer: "delegate-jp", language: language)
        let catalog = Catalog(language: language)
        #expect(openProposal(fixture))
        var screen = fixture.screen().joined(separator: "\n")
        #expect(screen.contains(catalog[.ballotNone]), "\(screen)")
        guard case .poll(let before) = fixture.runtime.model.screen, let result = before.detail?.result else {
            Issue.record("no result"); return
        }
        // The standing line says what the store's tally says, nothing of its own.
        let expected: TextKey = result.blocked == true ? .standingBlocked : (result.adopted == true ? .standingAdopted : .standingNotAdopted)
        #expect(screen.contains(catalog[expected]))
        fixture.press(.enter, .enter)  // vote, agree
        screen = fixture.screen().joined(separator: "\n")
        #expect(screen.contains(catalog[.ballotYours, catalog[.positionAgree]]), "\(screen)")
        #expect(!screen.contains(catalog[.ballotNone]))
    }

    @Test func aHiddenTallyShowsTheBallotButNoStanding() throws {
        let fixture = try DemoFixture(peer: "delegate-jp")
        #expect(openProposal(fixture))
        fixture.press(.enter, .enter)
        guard case .poll(let poll) = fixture.runtime.model.screen, var detail = poll.detail else { Issue.record("no poll"); return }
        #expect(detail.ownBallot?.position == "agree" && detail.ownBallot?.counts == true)
        // As the store gives a poll whose results are hidden until its close.
        detail.hiddenUntilClose = true
        detail.result = nil
        let lines = BallotLines.lines(detail, fixture.runtime.model, Theme.make(colors: false)).map(\.0)
        #expect(lines == [fixture.runtime.model.catalog[.ballotYours, fixture.runtime.model.catalog[.positionAgree]]])
    }

    @Test func theStoreGivesOnlyTheVotersOwnBallot() throws {
        let fixture = try DemoFixture(peer: "delegate-jp")
        #expect(openProposal(fixture))
        guard case .poll(let poll) = fixture.runtime.model.screen else { return }
        let store = fixture.session.store
        #expect(try store.ownBallot(poll: poll.id, voter: fixture.session.key.feed.hex) == nil)
        fixture.press(.enter, .enter, .enter, .down, .down, .enter)  // vote agree, then change to disagree
        let ballot = try store.ownBallot(poll: poll.id, voter: fixture.session.key.feed.hex)
        #expect(ballot?.position == "disagree", "the latest ballot is the one shown")
    }
}
