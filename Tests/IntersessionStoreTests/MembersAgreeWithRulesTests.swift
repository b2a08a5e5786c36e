import Foundation
import Testing
import GRDB
import IntersessionCore
@testable import IntersessionStore

/// What is shown is what counts: `members()`, candidates' eligibility and moderation checks read
/// the spans the applier stored, and those equal the rules' own judgement of every feed.
@Suite struct MembersAgreeWithRulesTests {
    static func rulesRoles(_ store: AppDatabase) throws -> [String: RoleHistory] {
        try store.write { db in
            let applier = try ChangeApplier(db: db)
            var histories: [String: RoleHistory] = [:]
            for key in try Data.fetchAll(db, sql: "SELECT key FROM feed") {
                let feed = try #require(FeedID(bytes: Array(key)))
                histories[feed.hex] = try applier.roleHistory(of: feed)
            }
            return histories
        }
    }

    static func expectAgreement(_ store: AppDatabase) throws {
        let histories = try rulesRoles(store)
        let members = try store.members()
        for (feed, history) in histories where !history.intervals.isEmpty {
            let member = try #require(members.first { $0.feed == feed })
            #expect(member.roles == history.current.map(\.rawValue).sorted())
            #expect(try store.canModerate(FeedID(hex: feed)!) == history.current.contains(where: \.moderates))
        }
        for member in members where histories[member.feed]?.intervals.isEmpty ?? true {
            #expect(member.roles.isEmpty)
        }
        for seat in [Seat.administration, .`private`] {
            let eligible = try store.read { db in try AppDatabase.eligible(db, seat: seat) }.map(\.feed).sorted()
            let expected = histories.filter { $0.value.current.contains(seat.candidateRole) }.keys.sorted()
            #expect(eligible == expected)
        }
    }

    @Test(arguments: [21, 24] as [UInt64])
    func grantsRevocationsAndRemovalsInAnyOrder(seed: UInt64) throws {
        let all = try AuthorityConvergenceTests.history(seed: seed, steps: 160)
        var rng = SplitMix64(seed: seed &* 7)
        for _ in 0..<3 {
            let replica = try AppDatabase.inMemory()
            try replica.apply([all[0]])
            let shuffled = all.dropFirst().shuffled(using: &rng)
            for batch in stride(from: 0, to: shuffled.count, by: 17) {
                try replica.apply(Array(shuffled[batch..<min(batch + 17, shuffled.count)]))
            }
            try Self.expectAgreement(replica)
            try replica.rebuild()
            try Self.expectAgreement(replica)
        }
    }

    @Test func removedRevokedAndExpiredTermsAreListedAsTheyCount() throws {
        let secretariat = DeviceKey(), removed = DeviceKey(), revoked = DeviceKey(), expert = DeviceKey()
        let (store, _) = try Fixture.foundedStore(by: secretariat)
        _ = try store.author(ops: [.memberRole(MemberRole(feed: removed.feed, role: .member, fromSeq: 1)),
                                   .memberRole(MemberRole(feed: revoked.feed, role: .cochair, fromSeq: 1)),
                                   .memberRole(MemberRole(feed: revoked.feed, role: .private, fromSeq: 1)),
                                   .memberRole(MemberRole(feed: expert.feed, role: .expert, fromSeq: 1, until: 1_500))],
                             references: [], key: secretariat, now: 2_000)
        _ = try store.author(ops: [.memberRevoke(MemberRevoke(feed: removed.feed, role: nil, lastSeq: 0, lastHash: nil)),
                                   .memberRevoke(MemberRevoke(feed: revoked.feed, role: .cochair, lastSeq: 0, lastHash: nil))],
                             references: [], key: secretariat, now: 3_000)
        let members = try store.members()
        #expect(members.first { $0.feed == removed.feed.hex }?.roles == [])
        #expect(members.first { $0.feed == revoked.feed.hex }?.roles == ["private"])
        // The term ended by the clock, but no rule reads a clock: the role counts until revoked, and shows its term.
        #expect(members.first { $0.feed == expert.feed.hex }?.roles == ["expert"])
        #expect(members.first { $0.feed == expert.feed.hex }?.terms == ["expert": 1_500])
        #expect(try !store.canModerate(revoked.feed))
        #expect(try store.currentRoles(of: revoked.feed) == [.private])
        let eligible = try store.read { db in try AppDatabase.eligible(db, seat: .`private`) }
        #expect(eligible.map(\.feed) == [revoked.feed.hex])
        try Self.expectAgreement(store)
    }
}
