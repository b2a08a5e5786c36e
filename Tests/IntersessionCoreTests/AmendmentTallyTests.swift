import Foundation
import Testing
@testable import IntersessionCore

/// The one counting rule for where an amendment stands.
@Suite struct AmendmentTallyTests {
    @Test func oneStancePerMemberTheLatestOfTheirFeed() {
        let stances = [AmendmentStance(feed: "a", seq: 3, supports: true), AmendmentStance(feed: "a", seq: 7, supports: false),
                       AmendmentStance(feed: "b", seq: 2, supports: true), AmendmentStance(feed: "c", seq: 9, supports: true),
                       AmendmentStance(feed: "c", seq: 4, supports: false)]
        let tally = AmendmentTally.count(stances, members: ["a", "b", "c"])
        #expect(tally.supporters == ["b", "c"])
        #expect(tally.opponents == ["a"])
        #expect(tally.support == 2 && tally.oppose == 1)
    }

    @Test func onlyMembersWhenCountedCount() {
        let stances = [AmendmentStance(feed: "a", seq: 1, supports: true), AmendmentStance(feed: "gone", seq: 5, supports: false)]
        #expect(AmendmentTally.count(stances, members: ["a"]) == AmendmentTally(supporters: ["a"]))
        #expect(AmendmentTally.count(stances, members: []) == AmendmentTally())
    }

    @Test func withinOneChangeTheFirstStanceStands() {
        let stances = [AmendmentStance(feed: "a", seq: 4, opIndex: 1, supports: false), AmendmentStance(feed: "a", seq: 4, opIndex: 0, supports: true)]
        #expect(AmendmentTally.count(stances, members: ["a"]).supporters == ["a"])
        #expect(AmendmentTally.count(stances.reversed(), members: ["a"]).supporters == ["a"])
    }

    @Test func duplicatesChangeNothing() {
        let once = [AmendmentStance(feed: "a", seq: 2, supports: false), AmendmentStance(feed: "b", seq: 1, supports: true)]
        #expect(AmendmentTally.count(once + once + once.reversed(), members: ["a", "b"]) == AmendmentTally.count(once, members: ["a", "b"]))
    }

    /// Any delivery order of the same stances (some twice) gives the same tally.
    @Test func anyOrderGivesTheSameTally() {
        let count = ProcessInfo.processInfo.environment["INTERSESSION_SEEDS"].flatMap(Int.init).map { max(1, $0) } ?? 3
        for seed in 0..<UInt64(count) {
            var random = SplitMix64(seed: seed &+ 9_101)
            let feeds = (0..<6).map { "feed\($0)" }
            // One op is one stance: the same feed, seq and index always carry the same position.
            var signed: [String: Bool] = [:]
            let stances = (0..<40).map { _ in
                let feed = feeds[Int(random.next() % 6)], seq = Int64(random.next() % 12), index = Int(random.next() % 2)
                let supports = signed["\(feed) \(seq) \(index)", default: random.next() % 2 == 0]
                signed["\(feed) \(seq) \(index)"] = supports
                return AmendmentStance(feed: feed, seq: seq, opIndex: index, supports: supports)
            }
            let members = Set(feeds.filter { _ in random.next() % 4 != 0 })
            let expected = AmendmentTally.count(stances, members: members)
            for _ in 0..<10 {
                var delivery = stances.shuffled(using: &random)
                delivery += delivery.filter { _ in random.next() % 5 == 0 }
                #expect(AmendmentTally.count(delivery, members: members) == expected, "seed \(seed)")
            }
        }
    }
}
