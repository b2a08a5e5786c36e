import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore

/// Recommendations: who records one, and that its adopting decision must be taken, checked by
/// the acts (a typed phrase, nothing signed) and by the rules for a change that skipped them.
@Suite struct RecommendationActTests {
    /// A proposal the secretariat opened, agreed and closed; an item adopted and one deferred.
    func decisions(_ fixture: ActionsFixture) throws -> (Actions, poll: EntityID, adopted: EntityID, deferred: EntityID) {
        let secretariat = try fixture.actions(fixture.secretariatHome)
        let poll = try #require(try secretariat.openPoll(.init(kind: .proposal, title: "Recommend the guidelines")).first)
        try secretariat.vote(on: poll.hex, Ballot(position: .agree))
        try secretariat.close(poll: poll.hex)
        var request = Actions.MeetingRequest(title: "First meeting", number: "1", starts: "2026-05-18", ends: "2026-05-20")
        request.topic = "general"
        let meeting = try secretariat.convene(request)
        var outcomes: [EntityID] = []
        for (number, kind) in [("1", OutcomeKind.adopted), ("2", .deferred)] {
            var item = Actions.ItemRequest()
            item.number = number
            item.title = "Item " + number
            let id = try secretariat.addItem(to: meeting.hex, item)
            outcomes.append(try secretariat.setOutcome(of: id.hex, kind: kind, summary: "Done."))
        }
        return (secretariat, poll, outcomes[0], outcomes[1])
    }

    @Test func aRecommendationPointsToATakenDecisionAndCarriesIt() throws {
        let fixture = try ActionsFixture()
        let (secretariat, poll, adopted, _) = try decisions(fixture)
        let first = try secretariat.recordRecommendation(.init(text: "Adopt the guidelines.", body: .ptc, level: .technical, poll: poll.short))
        let second = try secretariat.recordRecommendation(.init(text: "Endorse the approach.", body: .pc, level: .policy, outcome: adopted.short))
        try secretariat.followUp(first.short, text: "The PTC took note.")
        let list = try secretariat.store.recommendations()
        #expect(list.map(\.id) == [first.hex, second.hex])
        #expect(list.filter { !$0.carried }.isEmpty)
        #expect(list.map(\.body) == ["PTC", "PC"])
        #expect(list[0].followUps.map(\.text) == ["The PTC took note."])
        #expect(list[1].decisionTitle == "1 Item 1")
    }

    @Test func theActsRefuseWhatTheRulesWouldNotCountAndSignNothing() throws {
        let fixture = try ActionsFixture()
        let (secretariat, poll, _, deferred) = try decisions(fixture)
        let open = try #require(try secretariat.openPoll(.init(kind: .proposal, title: "Still open")).first)
        let before = try fixture.head(fixture.secretariatHome)
        #expect(throws: RecommendationError.outcomeAdoptsNothing(outcome: deferred.short, kind: "deferred")) {
            try secretariat.recordRecommendation(.init(text: "No.", body: .ptc, level: .technical, outcome: deferred.short))
        }
        #expect(throws: RecommendationError.pollNotClosed(poll: open.short)) {
            try secretariat.recordRecommendation(.init(text: "No.", body: .ptc, level: .technical, poll: open.short))
        }
        #expect(throws: RecommendationError.oneDecision) {
            try secretariat.recordRecommendation(.init(text: "No.", body: .ptc, level: .technical, poll: poll.short, outcome: deferred.short))
        }
        #expect(try fixture.head(fixture.secretariatHome) == before)
        try fixture.sync(fixture.secretariatHome)
        try fixture.sync(fixture.delegateHome)
        let delegate = try fixture.actions(fixture.delegateHome)
        #expect(throws: RecommendationError.notCochairOrSecretariat) {
            try delegate.recordRecommendation(.init(text: "Mine.", body: .ptc, level: .technical, poll: poll.short))
        }
    }

    @Test func theRulesRefuseAChangeThatSkippedTheActs() throws {
        let fixture = try ActionsFixture()
        let (secretariat, poll, _, deferred) = try decisions(fixture)
        let store = secretariat.store, key = secretariat.key
        func sign(_ op: RecommendationNew) throws { _ = try store.author(ops: [.recommendation(.new(op))], key: key, now: ActionsFixture.start + 10_000_000) }
        // A position that is no close of the poll (its creation).
        let creation = FeedPosition(feed: key.feed, seq: 2)
        #expect(throws: StoreError.refused(.decisionNotTaken)) {
            try sign(RecommendationNew(text: "No.", language: .en, body: .ptc, level: .technical, decision: .poll(poll, close: creation)))
        }
        #expect(throws: StoreError.refused(.decisionNotTaken)) {
            try sign(RecommendationNew(text: "No.", language: .en, body: .ptc, level: .technical, decision: .outcome(deferred)))
        }
        #expect(try store.recommendations().isEmpty)
    }

    @Test func everyRecommendationErrorReadsInBothLanguagesWithTheSameArguments() {
        for error in RecommendationError.examples {
            switch error {
            case .notCochairOrSecretariat, .oneDecision, .pollNotClosed, .pollNotCarried, .outcomeAdoptsNothing: break
            }
            let english = Phrasebook(language: .en).texts[error.phrase.key], french = Phrasebook(language: .fr).texts[error.phrase.key]
            #expect(english != nil && french != nil, "\(error.phrase.key) lacks a text")
            let places = { (text: String?) in Set((0..<5).map { "{\($0)}" }.filter { text?.contains($0) == true }) }
            #expect(places(english) == places(french), "\(error.phrase.key)")
            #expect(places(english).count == error.phrase.arguments.count, "\(error.phrase.key)")
        }
        #expect(RecommendationError.examples.count == 5)
    }
}
