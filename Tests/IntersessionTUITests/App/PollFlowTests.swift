import Testing
import IntersessionCore
import IntersessionStore
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
        fixture.runtime.perform(.loadStatus)
        #expect(fixture.runtime.model.flash?.contains("Venue of the next meeting") == true
            || fixture.runtime.model.flash?.contains("Adopt the agenda") == true)
        let delegate = try DemoFixture(peer: "delegate-jp")
        delegate.runtime.runner.clock = { DemoFixture.now + 30 * 86_400_000 }
        delegate.runtime.perform(.loadStatus)
        #expect(delegate.runtime.model.flash == nil)
    }
}
