import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Invites that no leaked file can steal: one redemption seats its redeemer, two seat nobody
/// until the secretariat admits one, and a cancellation keeps only what it had seen. Every
/// replica agrees in every order of delivery, and equals a rebuild.
@Suite struct InviteSeatTests {
    let secretariat = DeviceKey()
    let real = DeviceKey()
    let impostor = DeviceKey()
    let inviteKey = DeviceKey()

    struct Race {
        let secretariat: AppDatabase
        let invite: EntityID
        /// The genesis and the invite: what an old copy of the folder holds.
        let oldCopy: [SignedChange]
        let realJoin: SignedChange
        let realPost: SignedChange
        let impostorChanges: [SignedChange]
    }

    func join(_ key: DeviceKey, from log: [SignedChange], invite: EntityID, name: String, now: Int64) throws -> (AppDatabase, SignedChange) {
        let store = try AppDatabase.inMemory()
        try store.apply(log)
        let group = try #require(try store.groupID())
        let proof = MemberJoin.proof(group: group, feed: key.feed, inviteKey: inviteKey)
        let change = try store.author(
            ops: [.memberJoin(MemberJoin(invite: invite, proof: proof)), .memberProfile(MemberProfile(name: name, organisation: "Customs", language: .en))],
            references: [invite], key: key, now: now)
        return (store, change)
    }

    /// The real invitee joins and posts; an impostor redeems the same invite from an old copy,
    /// with a clock set just after the invite, then posts with a later clock.
    func race() throws -> Race {
        let (store, _) = try Fixture.foundedStore(by: secretariat)
        let inviteChange = try store.author(
            ops: [.memberInvite(MemberInvite(key: inviteKey.feed, role: .member, name: "Ana", organisation: "Customs", expires: 90_000_000))],
            references: [], key: secretariat, now: 2_000)
        let invite = inviteChange.entity(0)
        let oldCopy = try Fixture.log(of: store)
        let topic = try #require(try Fixture.topicIDs(store).first)
        let (realStore, realJoin) = try join(real, from: oldCopy, invite: invite, name: "Ana", now: 5_000)
        let realPost = try realStore.author(
            ops: [.threadCreate(ThreadCreate(topic: topic, title: "Real thread", body: "From the real invitee", language: .en))],
            references: [topic], key: real, now: 5_100)
        let (impostorStore, impostorJoin) = try join(impostor, from: oldCopy, invite: invite, name: "Ana (really)", now: 2_001)
        let impostorPost = try impostorStore.author(
            ops: [.threadCreate(ThreadCreate(topic: topic, title: "Impostor thread", body: "From the impostor", language: .en))],
            references: [topic], key: impostor, now: 9_000)
        return Race(secretariat: store, invite: invite, oldCopy: oldCopy, realJoin: realJoin, realPost: realPost,
                    impostorChanges: [impostorJoin, impostorPost])
    }

    /// Replicas fed `changes` in shuffled batches, with duplicates; each checked against the first.
    static func replicas(of changes: [SignedChange], seed: UInt64, count: Int = 8) throws -> [AppDatabase] {
        var rng = SplitMix64(seed: seed)
        return try (0..<count).map { _ in
            let replica = try AppDatabase.inMemory()
            try replica.apply([changes[0]])
            var delivery = changes.dropFirst().shuffled(using: &rng)
            delivery += changes.filter { _ in Int.random(in: 0..<4, using: &rng) == 0 }
            var index = 0
            while index < delivery.count {
                let size = Int.random(in: 1...3, using: &rng)
                try replica.apply(Array(delivery[index..<min(index + size, delivery.count)]))
                index += size
            }
            return replica
        }
    }

    static func expectOneState(_ replicas: [AppDatabase]) throws {
        let expected = try replicas[0].stateDigest()
        for replica in replicas {
            #expect(try replica.stateDigest() == expected)
            try MembersAgreeWithRulesTests.expectAgreement(replica)
            try replica.rebuild()
            #expect(try replica.stateDigest() == expected)
        }
    }

    static func threadTitles(_ store: AppDatabase) throws -> Set<String> { Set(try store.threads(topic: nil).map(\.title)) }

    @Test func oneRedemptionSeatsItsRedeemer() throws {
        let race = try race()
        for replica in try Self.replicas(of: race.oldCopy + [race.realJoin, race.realPost], seed: 1) {
            #expect(try replica.members().first { $0.feed == real.feed.hex }?.roles == ["member"])
            #expect(try replica.invite(race.invite.hex)?.redeemedBy == real.feed.hex)
            #expect(try Self.threadTitles(replica).contains("Real thread"))
        }
    }

    @Test func anImpostorWithALeakedInviteSeatsNobodyUntilTheSecretariatAdmitsTheRealOne() throws {
        let race = try race()
        let all = race.oldCopy + [race.realJoin, race.realPost] + race.impostorChanges
        let contested = try Self.replicas(of: all, seed: 2)
        try Self.expectOneState(contested)
        for replica in contested {
            let members = try replica.members()
            for feed in [real.feed, impostor.feed] {
                let member = try #require(members.first { $0.feed == feed.hex })
                #expect(member.roles.isEmpty)
                #expect(member.contestedInvite == race.invite.hex)
            }
            #expect(try Self.threadTitles(replica).isDisjoint(with: ["Real thread", "Impostor thread"]))
            let waiting = try replica.contestedInvites()
            #expect(waiting.map(\.id) == [race.invite.hex])
            #expect(Set(waiting.first?.redeemers.map(\.feed) ?? []) == [real.feed.hex, impostor.feed.hex])
            #expect(Set(waiting.first?.redeemers.compactMap(\.name) ?? []) == ["Ana", "Ana (really)"])
            #expect(try replica.invite(race.invite.hex)?.redeemedBy == nil)
        }

        try race.secretariat.apply(all)
        #expect(throws: StoreError.self) { try race.secretariat.admit(invite: race.invite, feed: DeviceKey().feed, key: secretariat, now: 9_500) }
        let admission = try race.secretariat.admit(invite: race.invite, feed: real.feed, key: secretariat, now: 9_600)
        let settled = try Self.replicas(of: all + [admission], seed: 3)
        try Self.expectOneState(settled)
        for replica in settled {
            let members = try replica.members()
            #expect(members.first { $0.feed == real.feed.hex }?.roles == ["member"])
            #expect(members.first { $0.feed == impostor.feed.hex } == nil)
            #expect(try Self.threadTitles(replica).contains("Real thread"))
            #expect(try !Self.threadTitles(replica).contains("Impostor thread"))
            #expect(try replica.contestedInvites().isEmpty)
            #expect(try replica.invite(race.invite.hex)?.redeemedBy == real.feed.hex)
        }
    }

    @Test func concurrentAdmissionsSeatTheLatestByStamp() throws {
        let race = try race()
        let second = DeviceKey()
        let grant = try race.secretariat.author(ops: [.memberRole(MemberRole(feed: second.feed, role: .secretariat, fromSeq: 1))],
                                                references: [], key: secretariat, now: 2_500)
        let all = race.oldCopy + [grant, race.realJoin, race.realPost] + race.impostorChanges
        try race.secretariat.apply(all)
        let other = try AppDatabase.inMemory()
        try other.apply(all)
        // Neither secretariat sees the other's admission: the later stamp decides, on every replica.
        let early = try other.admit(invite: race.invite, feed: impostor.feed, key: second, now: 10_000)
        let late = try race.secretariat.admit(invite: race.invite, feed: real.feed, key: secretariat, now: 10_500)
        let replicas = try Self.replicas(of: all + [early, late], seed: 6)
        try Self.expectOneState(replicas)
        for replica in replicas {
            #expect(try replica.invite(race.invite.hex)?.redeemedBy == real.feed.hex)
            #expect(try Self.threadTitles(replica).contains("Real thread"))
            #expect(try !Self.threadTitles(replica).contains("Impostor thread"))
        }
    }

    @Test func aCancelledInviteSeatsNoRedemptionItHadNotSeen() throws {
        let race = try race()
        try race.secretariat.apply([race.realJoin, race.realPost])
        let cancel = try race.secretariat.uninvite(invite: race.invite, key: secretariat, now: 6_000)
        #expect(throws: StoreError.self) { try race.secretariat.uninvite(invite: race.invite, key: secretariat, now: 6_001) }
        let all = race.oldCopy + [race.realJoin, race.realPost, cancel] + race.impostorChanges
        let replicas = try Self.replicas(of: all, seed: 4)
        try Self.expectOneState(replicas)
        for replica in replicas {
            let status = try #require(try replica.signedInvite(race.invite))
            #expect(status.cancelled && !status.contested && !status.isOpen(now: 0))
            #expect(status.redeemedBy == real.feed.hex)
            #expect(try replica.members().first { $0.feed == real.feed.hex }?.roles == ["member"])
            #expect(try replica.members().first { $0.feed == impostor.feed.hex } == nil)
            #expect(try !Self.threadTitles(replica).contains("Impostor thread"))
        }
    }

    @Test func anInviteCancelledBeforeAnyRedemptionSeatsNobody() throws {
        let race = try race()
        let cancel = try race.secretariat.uninvite(invite: race.invite, key: secretariat, now: 3_000)
        let replicas = try Self.replicas(of: race.oldCopy + [cancel, race.realJoin, race.realPost], seed: 5)
        try Self.expectOneState(replicas)
        for replica in replicas {
            #expect(try replica.signedInvite(race.invite)?.redeemedBy == nil)
            #expect(try replica.members().first { $0.feed == real.feed.hex } == nil)
            #expect(try replica.contestedInvites().isEmpty)
        }
    }

    @Test func theSignedExpiryIsTheLogs() throws {
        let race = try race()
        let status = try #require(try race.secretariat.signedInvite(race.invite))
        #expect(status.expires == 90_000_000)
        #expect(status.isOpen(now: 89_999_999))
        #expect(!status.isOpen(now: 90_000_000))
    }
}
