import Testing
@testable import IntersessionCore

/// Deadlines only prompt: which of them are passed and still open at a moment.
@Suite struct MeetingDeadlineTests {
    typealias Phase = MeetingDeadlines.Phase
    typealias Item = MeetingDeadlines.Item

    static let comment = Phase(kind: .comment, opened: true, closed: false, deadline: 100)

    @Test func anOpenPhasePromptsOnlyOnceItsDeadlineIsPassed() {
        #expect(MeetingDeadlines.passed(phases: [Self.comment], items: [], now: 99).isEmpty)
        #expect(MeetingDeadlines.passed(phases: [Self.comment], items: [], now: 100) == [.phase(.comment, deadline: 100)])
    }

    @Test func aClosedOrUnopenedPhaseNeverPrompts() {
        let closed = Phase(kind: .consensus, opened: true, closed: true, deadline: 10)
        let unopened = Phase(kind: .concerns, opened: false, closed: false, deadline: nil)
        let open = Phase(kind: .consensus, opened: true, closed: false, deadline: nil)
        #expect(MeetingDeadlines.passed(phases: [closed, unopened, open], items: [], now: 1_000).isEmpty)
    }

    @Test func anItemsOwnDeadlinePromptsWhileItsCommentsAreOpen() {
        let early = Item(id: "i1", number: "1", deadline: 50, commentsClosed: false)
        let done = Item(id: "i2", number: "2", deadline: 50, commentsClosed: true)
        let later = Item(id: "i3", number: "3", deadline: 500, commentsClosed: false)
        let none = Item(id: "i4", number: "4", deadline: nil, commentsClosed: false)
        #expect(MeetingDeadlines.passed(phases: [Self.comment], items: [early, done, later, none], now: 60)
            == [.itemComments(item: "i1", number: "1", deadline: 50)])
        var over = Self.comment
        over.closed = true
        #expect(MeetingDeadlines.passed(phases: [over], items: [early], now: 60).isEmpty, "the comment phase is closed for all")
    }
}
