import Testing
@testable import IntersessionCore

/// The pure rules of meetings: which outcome stands, which entries are late, where an item
/// stands, the order of agenda numbers, and what an op may carry.
@Suite struct MeetingRuleTests {
    static func id(_ byte: String) -> EntityID { EntityID(hex: String(repeating: byte, count: 16))! }

    @Test func ofUnreplacedOutcomesTheLeastIdStandsAndAReplacedOneNever() {
        let a = Self.id("0a"), b = Self.id("0b"), c = Self.id("0c")
        #expect(OutcomeChoice.standing([]) == nil)
        #expect(OutcomeChoice.standing([.init(id: b, replaces: []), .init(id: a, replaces: [])]) == a)
        // c saw a and b: it stands though its id is the greatest.
        #expect(OutcomeChoice.standing([.init(id: a, replaces: []), .init(id: b, replaces: []), .init(id: c, replaces: [a, b])]) == c)
        // c replaced only a; b was concurrent with c: the least of b and c.
        #expect(OutcomeChoice.unreplaced([.init(id: a, replaces: []), .init(id: c, replaces: [a]), .init(id: b, replaces: [])]) == [b, c])
        // Order of listing never matters.
        let listed: [OutcomeChoice.Candidate] = [.init(id: c, replaces: [a]), .init(id: a, replaces: []), .init(id: b, replaces: [c])]
        #expect(OutcomeChoice.standing(listed) == b)
        #expect(OutcomeChoice.standing(listed.reversed()) == b)
    }

    @Test func anEntryIsLateWhenAnyApplicableCloseLeavesItOut() {
        #expect(!PhaseClosure.isLate(feed: "aa", seq: 9, closes: []), "nothing closed: nothing is late")
        #expect(!PhaseClosure.isLate(feed: "aa", seq: 3, closes: [["aa": 3]]))
        #expect(PhaseClosure.isLate(feed: "aa", seq: 4, closes: [["aa": 3]]))
        #expect(PhaseClosure.isLate(feed: "bb", seq: 1, closes: [["aa": 3]]), "a feed the closer had not seen")
        #expect(PhaseClosure.isLate(feed: "aa", seq: 3, closes: [["aa": 5], ["aa": 2]]), "concurrent closes intersect")
        #expect(!PhaseClosure.isLate(feed: "aa", seq: 2, closes: [["aa": 5], ["aa": 2]]))
    }

    @Test func anUnansweredConcernHoldsTheItemWhateverItsOutcome() {
        #expect(ItemStanding(outcome: nil, openConcerns: 0) == .open)
        #expect(ItemStanding(outcome: .adopted, openConcerns: 2) == .heldByConcerns(2))
        #expect(ItemStanding(outcome: .adopted, openConcerns: 0) == .settled(.adopted))
        #expect(ItemStanding(outcome: .adopted, openConcerns: 1).isDeferred)
        #expect(ItemStanding(outcome: .noConsensus, openConcerns: 0).isDeferred)
        #expect(ItemStanding(outcome: .deferred, openConcerns: 0).isDeferred)
        #expect(!ItemStanding(outcome: .noted, openConcerns: 0).isDeferred)
        #expect(ItemStanding(outcome: nil, openConcerns: 0).isDeferred)
    }

    @Test func agendaNumbersSortByTheirNumericParts() {
        let sorted = ["10", "2.1", "2", "1", "2.10", "2.2", "a"].sorted(by: AgendaNumber.precedes)
        #expect(sorted == ["1", "2", "2.1", "2.2", "2.10", "10", "a"])
    }

    @Test func meetingOpsRoundTripThroughTheirJSON() throws {
        let feed = try #require(FeedID(hex: String(repeating: "ab", count: 32)))
        let head = FeedHead(seq: 4, hash: try #require(ChangeHash(hex: String(repeating: "cd", count: 32))))
        let ops: [MeetingOp] = [
            .new(MeetingNew(title: "PTC 1", body: "WGEC", number: "1", mode: .inPerson, starts: "2020-05-18", ends: "2020-07-03",
                            presiding: [feed], topic: Self.id("01"))),
            .phase(MeetingPhase(meeting: Self.id("02"), phase: .consensus, deadline: 42)),
            .phase(MeetingPhase(meeting: Self.id("02"), phase: .comment, frontier: [feed: head], item: Self.id("03"))),
            .item(MeetingItem(meeting: Self.id("02"), item: Self.id("03"), number: "3.1", parent: Self.id("04"), title: "Data",
                              text: "Opening", language: .fr, purpose: .guidance, category: .withoutDiscussion, deadline: 7,
                              documents: [MeetingDocument(draft: Self.id("05"), version: "v2"), MeetingDocument(draft: Self.id("06"))])),
            .register(MeetingRegister(meeting: Self.id("02"), participant: feed, capacity: .head, delegation: "Japan")),
            .concern(MeetingConcern(item: Self.id("03"), text: "Para 2")),
            .answer(MeetingAnswer(concern: Self.id("07"), text: "Fixed")),
            .outcome(MeetingOutcome(item: Self.id("03"), kind: .noConsensus, summary: "None", poll: Self.id("08"), replaces: [Self.id("09")])),
        ]
        for op in ops {
            let decoded = try Op(json: Op.meeting(op).json)
            #expect(decoded == .meeting(op))
            #expect(Op.knownTypes.contains(decoded.type))
        }
        let close = Op.meeting(ops[2])
        #expect(close.namedPositions == [feed: 4])
        #expect(close.references == [Self.id("02"), Self.id("03")])
    }

    @Test func aMeetingNeedsRealDatesInOrder() {
        #expect(MeetingContent.isDate("2020-05-18"))
        #expect(!MeetingContent.isDate("2020-13-01"))
        #expect(!MeetingContent.isDate("18/05/2020"))
        #expect(!MeetingContent.isDate("2020-5-18"))
        let topic = Self.id("01")
        func meeting(_ starts: String, _ ends: String, title: String = "T") -> MeetingOp {
            .new(MeetingNew(title: title, body: "WGEC", number: "1", mode: .virtual, starts: starts, ends: ends, presiding: [], topic: topic))
        }
        #expect(MeetingContent.isValid(meeting("2020-05-18", "2020-05-18")))
        #expect(!MeetingContent.isValid(meeting("2020-05-19", "2020-05-18")))
        #expect(!MeetingContent.isValid(meeting("2020-05-18", "2020-05-18", title: "two\nlines")))
        #expect(!MeetingContent.isValid(.concern(MeetingConcern(item: topic, text: "  "))))
    }
}
