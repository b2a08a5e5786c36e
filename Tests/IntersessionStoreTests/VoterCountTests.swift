import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// The count a poll's summary shows is the count its record and tally count.
@Suite struct VoterCountTests {
    let founder = DeviceKey()
    let voters = (0..<3).map { _ in DeviceKey() }

    func group(unit: PollUnit) throws -> (AppDatabase, [SignedChange], EntityID) {
        let (store, genesis) = try Fixture.foundedStore(by: founder)
        let grants = try store.author(ops: voters.map { .memberRole(MemberRole(feed: $0.feed, role: .member, fromSeq: 1)) },
                                      references: [], key: founder, now: 2_000)
        var all = [genesis, grants]
        for (index, key) in voters.enumerated() {
            let replica = try AppDatabase.inMemory()
            try replica.apply(all)
            all.append(try replica.author(ops: [.memberProfile(MemberProfile(name: "V\(index)", organisation: index < 2 ? "Japan" : "Peru",
                                                                              language: .en))], references: [], key: key, now: 2_100))
        }
        try store.apply(all)
        let create = try store.author(ops: [.pollCreate(PollCreate(
            kind: .single, title: "Pick", text: "", options: ["A", "B"], electorate: [.member], unit: unit, deadline: 9_000,
            hiddenUntilClose: false, majority: .simple))], references: [], key: founder, now: 3_000)
        return (store, all + [create], create.entity(0))
    }

    func vote(_ key: DeviceKey, _ option: Int, on base: [SignedChange], poll: EntityID, now: Int64) throws -> SignedChange {
        let replica = try AppDatabase.inMemory()
        try replica.apply(base)
        return try replica.author(ops: [.pollVote(PollVote(poll: poll, options: [option]))], references: [poll], key: key, now: now)
    }

    /// The reproduction: `poll list` said "2 voted" where the record counted 1.
    @Test func aBallotSignedAfterTheCloseIsNotCountedAsAVoter() throws {
        let (store, base, poll) = try group(unit: .person)
        try store.apply([try vote(voters[0], 0, on: base, poll: poll, now: 3_100)])
        let heads = try store.feedHeads()
        _ = try store.author(ops: [.pollClose(PollClose(poll: poll, frontier: heads))], references: [poll], key: founder, now: 3_200,
                             dependsOn: CloseFrontier.dependencies(heads))
        // Signed on a replica that had not heard of the close, stamped before it.
        try store.apply([try vote(voters[2], 1, on: base, poll: poll, now: 1_000)])
        let detail = try store.poll(poll.hex)
        #expect(detail.voterNames == ["V0"])
        #expect(detail.result?.counts == ["A": 1, "B": 0])
        #expect(detail.summary.voters == 1)
        #expect(try store.polls().first { $0.id == poll.hex }?.voters == 1)
    }

    @Test func aVoterWhoChangesTheirBallotIsOneVoter() throws {
        let (store, base, poll) = try group(unit: .person)
        let first = try vote(voters[0], 0, on: base, poll: poll, now: 3_100)
        try store.apply([first])
        let replica = try AppDatabase.inMemory()
        try replica.apply(base + [first])
        try store.apply([try replica.author(ops: [.pollVote(PollVote(poll: poll, options: [1]))], references: [poll], key: voters[0], now: 3_200)])
        #expect(try store.polls().first { $0.id == poll.hex }?.voters == 1)
        #expect(try store.poll(poll.hex).result?.counts == ["A": 0, "B": 1])
    }

    @Test func aPollByDelegationCountsDelegations() throws {
        let (store, base, poll) = try group(unit: .delegation)
        try store.apply(try (0..<3).map { try vote(voters[$0], $0 % 2, on: base, poll: poll, now: 3_100 + Int64($0)) })
        let detail = try store.poll(poll.hex)
        // Japan (V0, V1) counts once, Peru (V2) once.
        #expect(detail.summary.voters == 2)
        #expect(detail.result?.counts.values.reduce(0, +) == 2)
        #expect(detail.voterNames.count == 3)
    }
}
