import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Elections of the co-chairs: nominations, acceptances and ballots, all judged inside the close.
@Suite struct ElectionTests {
    let secretariat = DeviceKey()
    let delegates = (0..<4).map { _ in DeviceKey() }
    let business = DeviceKey()

    /// The group: four delegates (two of them Japan's) and one private-sector member, with an
    /// election for the administration seat.
    func group() throws -> (store: AppDatabase, base: [SignedChange], poll: EntityID) {
        let (store, genesis) = try Fixture.foundedStore(by: secretariat)
        let grants = try store.author(
            ops: delegates.map { .memberRole(MemberRole(feed: $0.feed, role: .member, fromSeq: 1)) }
                + [.memberRole(MemberRole(feed: business.feed, role: .private, fromSeq: 1))],
            references: [], key: secretariat, now: 2_000)
        var all = [genesis, grants]
        for (index, key) in delegates.enumerated() {
            all.append(try sign(key, on: all, now: 2_100,
                                .memberProfile(MemberProfile(name: "D\(index)", organisation: index < 2 ? "Japan" : "Org \(index)", language: .en))))
        }
        let create = try store.author(ops: [.pollCreate(PollCreate(
            kind: .election, title: "Co-chair", text: "", options: [], electorate: [.member], unit: .delegation, deadline: 9_000,
            hiddenUntilClose: false, majority: .simple, seat: .administration))], references: [], key: secretariat, now: 3_000)
        all.append(create)
        try store.apply(all)
        return (store, all, create.entity(0))
    }

    func sign(_ key: DeviceKey, on base: [SignedChange], now: Int64, references: [EntityID] = [],
              dependsOn: [FeedID: Int64] = [:], _ ops: Op...) throws -> SignedChange {
        let replica = try AppDatabase.inMemory()
        try replica.apply(base)
        return try replica.author(ops: ops, references: references, key: key, now: now, dependsOn: dependsOn)
    }

    @Test func nominationsStandOnceAcceptedAndOnlyForTheSeatsRole() throws {
        let (store, base, poll) = try group()
        let selfNomination = try sign(delegates[0], on: base, now: 3_100, references: [poll],
                                      .pollNominate(PollNominate(poll: poll, nominee: delegates[0].feed)))
        let other = try sign(delegates[2], on: base, now: 3_200, references: [poll],
                             .pollNominate(PollNominate(poll: poll, nominee: delegates[3].feed)))
        try store.apply([selfNomination, other])
        #expect(try store.poll(poll.hex).candidates.map(\.accepted) == [true, false])
        #expect(throws: StoreError.refused(.notEligibleCandidate)) {
            try sign(business, on: base, now: 3_300, references: [poll], .pollNominate(PollNominate(poll: poll, nominee: business.feed)))
        }
        #expect(throws: StoreError.refused(.notAuthor)) {
            try sign(delegates[1], on: base + [other], now: 3_300, references: [other.entity(0)],
                     .pollAccept(PollAccept(nomination: other.entity(0))))
        }
        let accept = try sign(delegates[3], on: base + [other], now: 3_400, references: [other.entity(0)],
                              .pollAccept(PollAccept(nomination: other.entity(0))))
        try store.apply([accept])
        let detail = try store.poll(poll.hex)
        #expect(detail.candidates.map(\.accepted) == [true, true])
        #expect(detail.candidates.map(\.nominatedBy) == ["D0", "D2"])
        #expect(detail.eligible.count == 4)
    }

    @Test func everyReplicaElectsTheSameAndLateActsNeverCount() throws {
        let (store, base, poll) = try group()
        let standing = try [0, 2].map { index in
            try sign(delegates[index], on: base, now: 3_100 + Int64(index), references: [poll],
                     .pollNominate(PollNominate(poll: poll, nominee: delegates[index].feed)))
        }
        let withCandidates = base + standing
        let ballot = { (voter: Int, choice: [Int], now: Int64) in
            try self.sign(self.delegates[voter], on: withCandidates, now: now, references: [poll],
                          dependsOn: Dictionary(uniqueKeysWithValues: choice.map { (self.delegates[$0].feed, Int64(2)) }),
                          .pollVote(PollVote(poll: poll, candidates: choice.map { self.delegates[$0].feed })))
        }
        // Japan splits (D1's later ballot counts for Japan); Org 2 and Org 3 vote D2.
        let ballots = try [ballot(0, [0], 3_500), ballot(1, [2, 0], 3_600), ballot(2, [2], 3_700), ballot(3, [0, 2], 3_800)]
        let closer = try AppDatabase.inMemory()
        try closer.apply(withCandidates + ballots)
        let frontier = try closer.feedHeads()
        let close = try closer.author(ops: [.pollClose(PollClose(poll: poll, frontier: frontier))], references: [poll],
                                      key: secretariat, now: 4_000, dependsOn: CloseFrontier.dependencies(frontier))
        // After the close: a late self-nomination of D1 and a changed ballot, stamped earlier.
        let lateNomination = try sign(delegates[1], on: withCandidates + [ballots[1]], now: 1_000, references: [poll],
                                      .pollNominate(PollNominate(poll: poll, nominee: delegates[1].feed)))
        let lateBallot = try sign(delegates[2], on: withCandidates + [ballots[2]], now: 1_000, references: [poll],
                                  .pollVote(PollVote(poll: poll, candidates: [delegates[0].feed])))
        let all = withCandidates + ballots + [close, lateNomination, lateBallot]
        try store.apply(Array(all.dropFirst(base.count)))
        let expected = try store.poll(poll.hex)
        #expect(expected.result?.winners == ["D2"])
        #expect(expected.result?.counts["D2 (Org 2)"] == 2 && expected.result?.counts["D0 (Japan)"] == 1)
        #expect(expected.conflictingDelegations == ["Japan"])
        #expect(expected.candidates.map(\.name) == ["D0", "D2"])
        #expect(expected.cochairGrantDue == delegates[2].feed.hex)
        var rng = SplitMix64(seed: 11)
        for _ in 0..<24 {
            let replica = try AppDatabase.inMemory()
            try replica.apply([all[0]])
            var pending = Array(all.dropFirst())
            // Duplicates too: some changes arrive twice.
            pending += pending.filter { _ in Bool.random(using: &rng) }
            for change in pending.shuffled(using: &rng) { try replica.apply([change]) }
            #expect(try replica.poll(poll.hex) == expected)
            #expect(try replica.stateDigest() == store.stateDigest())
        }
    }

    @Test func theSecretariatIsPromptedUntilItGrantsTheSeat() throws {
        let (store, base, poll) = try group()
        let nomination = try sign(delegates[2], on: base, now: 3_100, references: [poll],
                                  .pollNominate(PollNominate(poll: poll, nominee: delegates[2].feed)))
        try store.apply([nomination])
        try store.apply([try sign(delegates[0], on: base + [nomination], now: 3_200, references: [poll],
                                  dependsOn: [delegates[2].feed: nomination.seq],
                                  .pollVote(PollVote(poll: poll, candidates: [delegates[2].feed])))])
        #expect(try store.electionsAwaitingGrant().isEmpty)
        _ = try store.author(ops: [.pollClose(PollClose(poll: poll, frontier: try store.feedHeads()))], references: [poll],
                             key: secretariat, now: 4_000, dependsOn: CloseFrontier.dependencies(try store.feedHeads()))
        #expect(try store.electionsAwaitingGrant() == ["D2"])
        _ = try store.author(ops: [.memberRole(MemberRole(feed: delegates[2].feed, role: .cochair, fromSeq: 3, until: 4_000 + 365 * 86_400_000))],
                             references: [], key: secretariat, now: 4_100)
        #expect(try store.electionsAwaitingGrant().isEmpty)
        let member = try #require(try store.members().first { $0.feed == delegates[2].feed.hex })
        #expect(member.terms == ["cochair": 4_000 + 365 * 86_400_000])
    }

    @Test func aBallotForSomeoneNotStandingPassesToTheNextPreference() throws {
        let (store, base, poll) = try group()
        let nomination = try sign(delegates[2], on: base, now: 3_100, references: [poll],
                                  .pollNominate(PollNominate(poll: poll, nominee: delegates[3].feed)))
        let selfNomination = try sign(delegates[0], on: base, now: 3_150, references: [poll],
                                      .pollNominate(PollNominate(poll: poll, nominee: delegates[0].feed)))
        try store.apply([nomination, selfNomination])
        // D3 never accepts; a ballot naming D3 first counts for D0.
        try store.apply([try sign(delegates[2], on: base + [nomination, selfNomination], now: 3_200, references: [poll],
                                  .pollVote(PollVote(poll: poll, candidates: [delegates[3].feed, delegates[0].feed])))])
        #expect(try store.poll(poll.hex).result?.winners == ["D0"])
        #expect(throws: StoreError.self) {
            try sign(delegates[1], on: base, now: 3_300, references: [poll],
                     .pollVote(PollVote(poll: poll, options: [0])))
        }
    }
}
