import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Invites redeemed by one or several feeds (some with backdated clocks, from stale copies),
/// admissions, cancellations and posts, delivered to replicas in any order, in batches, with
/// duplicates: one state on all, equal to a rebuild, and members equal to the rules.
@Suite struct InviteConvergenceTests {
    static func history(seed: UInt64) throws -> [SignedChange] {
        var rng = SplitMix64(seed: seed)
        let secretariat = DeviceKey()
        let (sec, _) = try Fixture.foundedStore(by: secretariat)
        let topic = try #require(try Fixture.topicIDs(sec).first)
        var now: Int64 = 2_000
        var extra: [SignedChange] = []
        for round in 0..<4 {
            now += 100
            let inviteKey = DeviceKey()
            let invite = try sec.author(
                ops: [.memberInvite(MemberInvite(key: inviteKey.feed, role: .member, name: "Guest \(round)", organisation: "Org", expires: 1 << 40))],
                references: [], key: secretariat, now: now).entity(0)
            let snapshot = try Fixture.log(of: sec)
            let group = try #require(try sec.groupID())
            var redeemers: [(DeviceKey, SignedChange)] = []
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let key = DeviceKey()
                let store = try AppDatabase.inMemory()
                try store.apply(snapshot)
                let joinedAt = Bool.random(using: &rng) ? now + 1 : now + Int64.random(in: 10...500, using: &rng)
                let join = try store.author(
                    ops: [.memberJoin(MemberJoin(invite: invite, proof: MemberJoin.proof(group: group, feed: key.feed, inviteKey: inviteKey))),
                          .memberProfile(MemberProfile(name: "Redeemer \(round)", organisation: "Org", language: .en))],
                    references: [invite], key: key, now: joinedAt)
                let post = try store.author(
                    ops: [.threadCreate(ThreadCreate(topic: topic, title: "By \(key.feed.short)", body: "Hello", language: .en))],
                    references: [topic], key: key, now: now + 600)
                redeemers.append((key, join))
                extra.append(contentsOf: [join, post])
                if Bool.random(using: &rng) { try sec.apply([join]) }
            }
            now += 1_000
            switch Int.random(in: 0..<3, using: &rng) {
            case 0:
                let seen = try sec.signedInvite(invite)?.redeemers ?? []
                if let chosen = seen.randomElement(using: &rng), let feed = FeedID(hex: chosen.feed) {
                    _ = try sec.admit(invite: invite, feed: feed, key: secretariat, now: now)
                }
            case 1:
                _ = try sec.uninvite(invite: invite, key: secretariat, now: now)
            default:
                break
            }
        }
        return try Fixture.log(of: sec) + extra
    }

    @Test(arguments: PropertySeeds.all)
    func invitesConverge(seed: UInt64) throws {
        let all = try Self.history(seed: seed)
        let genesis = try #require(all.first { $0.body.isGenesis })
        let reference = try AppDatabase.inMemory()
        try reference.apply(all)
        let expected = try reference.stateDigest()
        try MembersAgreeWithRulesTests.expectAgreement(reference)
        // The history races at least one invite between several redeemers.
        #expect(try reference.invites().contains { $0.redeemers.count > 1 || $0.cancelled })
        var rng = SplitMix64(seed: seed &* 101)
        for _ in 0..<5 {
            let replica = try AppDatabase.inMemory()
            try replica.apply([genesis])
            var delivery = all.shuffled(using: &rng)
            delivery += all.filter { _ in Int.random(in: 0..<5, using: &rng) == 0 }
            var index = 0
            while index < delivery.count {
                let size = Int.random(in: 1...6, using: &rng)
                try replica.apply(Array(delivery[index..<min(index + size, delivery.count)]))
                index += size
            }
            #expect(try replica.stateDigest() == expected)
            try MembersAgreeWithRulesTests.expectAgreement(replica)
            try replica.rebuild()
            #expect(try replica.stateDigest() == expected)
        }
        try reference.rebuild()
        #expect(try reference.stateDigest() == expected)
    }
}
