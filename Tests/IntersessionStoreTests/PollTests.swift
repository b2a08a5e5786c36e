import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Polls give the same result on every replica: exactly the ballots inside the close count.
@Suite struct PollTests {
    let founder = DeviceKey()
    let cochair = DeviceKey()
    let voters = (0..<4).map { _ in DeviceKey() }
    let observer = DeviceKey()

    func group() throws -> (AppDatabase, [SignedChange]) {
        let (store, genesis) = try Fixture.foundedStore(by: founder)
        let grants = try store.author(
            ops: [.memberRole(MemberRole(feed: cochair.feed, role: .cochair, fromSeq: 1)),
                  .memberRole(MemberRole(feed: observer.feed, role: .observer, fromSeq: 1))]
                + voters.map { .memberRole(MemberRole(feed: $0.feed, role: .member, fromSeq: 1)) },
            references: [], key: founder, now: 2_000)
        var all = [genesis, grants]
        // Two of the voters are one delegation.
        for (index, key) in voters.enumerated() {
            let replica = try AppDatabase.inMemory()
            try replica.apply(all)
            all.append(try replica.author(ops: [.memberProfile(MemberProfile(name: "V\(index)", organisation: index < 2 ? "Japan" : "Org \(index)",
                                                                              language: .en))], references: [], key: key, now: 2_100))
        }
        try store.apply(all)
        return (store, all)
    }

    func vote(_ key: DeviceKey, _ poll: EntityID, on base: [SignedChange], _ vote: PollVote, now: Int64) throws -> SignedChange {
        let replica = try AppDatabase.inMemory()
        try replica.apply(base)
        return try replica.author(ops: [.pollVote(vote)], references: [poll], key: key, now: now)
    }

    @Test func ballotsInsideTheCloseCountEverywhereAndLaterOnesNever() throws {
        let (store, base) = try group()
        let cochairStore = try AppDatabase.inMemory()
        try cochairStore.apply(base)
        let create = try cochairStore.author(ops: [.pollCreate(PollCreate(
            kind: .ranked, title: "Venue", text: "", options: ["Brussels", "Geneva", "Online"], electorate: [.member],
            unit: .person, deadline: 10_000, hiddenUntilClose: true, majority: .simple))], references: [], key: cochair, now: 3_000)
        let poll = create.entity(0)
        let withPoll = base + [create]
        var ballots = [
            try vote(voters[0], poll, on: withPoll, PollVote(poll: poll, options: [0, 1]), now: 3_100),
            try vote(voters[1], poll, on: withPoll, PollVote(poll: poll, options: [1]), now: 3_200),
            try vote(voters[2], poll, on: withPoll, PollVote(poll: poll, options: [2, 1]), now: 3_300),
        ]
        let observerBallot = try SignedChange(signing: ChangeBody(
            group: base[0].hash, author: observer.feed, seq: 1, prev: nil, hlc: HLC(millis: 3_400, counter: 0),
            deps: [cochair.feed: create.seq], ops: [.pollVote(PollVote(poll: poll, options: [0]))]), with: observer)
        try cochairStore.apply(ballots + [observerBallot])
        let frontier = try cochairStore.feedHeads()
        let close = try cochairStore.author(ops: [.pollClose(PollClose(poll: poll, frontier: frontier))], references: [poll],
                                            key: cochair, now: 4_000, dependsOn: CloseFrontier.dependencies(frontier))
        // Voter 3 votes after the close, stamped earlier: it never counts.
        ballots.append(try vote(voters[3], poll, on: withPoll, PollVote(poll: poll, options: [2]), now: 1_000))
        let all = withPoll + ballots + [observerBallot, close]

        try store.apply(Array(all.dropFirst(base.count)))
        let expected = try store.poll(poll.hex)
        #expect(expected.summary.closed)
        #expect(expected.voterNames.count == 3)
        // Brussels 1, Geneva 1, Online 1 → Online (higher index) goes first, its ballot to Geneva.
        #expect(expected.result?.winners == ["Geneva"])
        var rng = SplitMix64(seed: 3)
        for _ in 0..<20 {
            let replica = try AppDatabase.inMemory()
            try replica.apply([all[0]])
            for change in all.dropFirst().shuffled(using: &rng) { try replica.apply([change]) }
            #expect(try replica.poll(poll.hex) == expected)
            #expect(try replica.stateDigest() == store.stateDigest())
        }
    }

    @Test func resultsStayHiddenUntilTheClose() throws {
        let (store, _) = try group()
        let poll = try store.author(ops: [.pollCreate(PollCreate(
            kind: .single, title: "Chair", text: "", options: ["A", "B"], electorate: [.member], unit: .person, deadline: 9_000,
            hiddenUntilClose: true, majority: .simple))], references: [], key: founder, now: 3_000).entity(0)
        #expect(try store.poll(poll.hex).result == nil)
        _ = try store.author(ops: [.pollClose(PollClose(poll: poll, frontier: [:]))], references: [poll], key: founder, now: 4_000)
        #expect(try store.poll(poll.hex).result != nil)
    }

    @Test func oneBallotPerDelegationAndTheSplitIsFlagged() throws {
        let (store, base) = try group()
        let create = try store.author(ops: [.pollCreate(PollCreate(
            kind: .proposal, title: "Adopt", text: "The template", options: [], electorate: [.member], unit: .delegation,
            deadline: 9_000, hiddenUntilClose: false, majority: .twoThirds))], references: [], key: founder, now: 3_000)
        let poll = create.entity(0)
        let withPoll = base + [create]
        let ballots = [
            try vote(voters[0], poll, on: withPoll, PollVote(poll: poll, position: .agree), now: 3_100),
            try vote(voters[1], poll, on: withPoll, PollVote(poll: poll, position: .disagree), now: 3_200),
            try vote(voters[2], poll, on: withPoll, PollVote(poll: poll, position: .agree), now: 3_300),
            try vote(voters[3], poll, on: withPoll, PollVote(poll: poll, position: .agree), now: 3_400),
        ]
        try store.apply(ballots)
        let detail = try store.poll(poll.hex)
        #expect(detail.conflictingDelegations == ["Japan"])
        // Japan's latest ballot (disagree) counts once: 2 agree of 3 is two thirds.
        #expect(detail.result?.counts["agree"] == 2 && detail.result?.counts["disagree"] == 1)
        #expect(detail.result?.adopted == true)
    }

    @Test func anIneligibleOrMalformedBallotIsRefused() throws {
        let (store, base) = try group()
        let create = try store.author(ops: [.pollCreate(PollCreate(
            kind: .proposal, title: "Adopt", text: "", options: [], electorate: [.member], unit: .person, deadline: 9_000,
            hiddenUntilClose: false, majority: .simple))], references: [], key: founder, now: 3_000)
        let poll = create.entity(0)
        let observerStore = try AppDatabase.inMemory()
        try observerStore.apply(base + [create])
        #expect(throws: StoreError.refused(.notEligible)) {
            try observerStore.author(ops: [.pollVote(PollVote(poll: poll, position: .agree))], references: [poll], key: observer, now: 3_500)
        }
        let voterStore = try AppDatabase.inMemory()
        try voterStore.apply(base + [create])
        #expect(throws: StoreError.self) {
            try voterStore.author(ops: [.pollVote(PollVote(poll: poll, position: .block))], references: [poll], key: voters[0], now: 3_500)
        }
    }

    @Test func concurrentClosesResolveToTheEarliest() throws {
        let (store, base) = try group()
        let create = try store.author(ops: [.pollCreate(PollCreate(
            kind: .single, title: "Pick", text: "", options: ["A", "B"], electorate: [.member], unit: .person, deadline: 9_000,
            hiddenUntilClose: false, majority: .simple))], references: [], key: founder, now: 3_000)
        let poll = create.entity(0)
        let withPoll = base + [create]
        let ballot = try vote(voters[0], poll, on: withPoll, PollVote(poll: poll, options: [1]), now: 3_100)
        let founderClose = try store.author(ops: [.pollClose(PollClose(poll: poll, frontier: [:]))], references: [poll], key: founder, now: 3_200)
        let cochairStore = try AppDatabase.inMemory()
        try cochairStore.apply(withPoll + [ballot])
        let cochairClose = try cochairStore.author(ops: [.pollClose(PollClose(poll: poll, frontier: [voters[0].feed: FeedHead(seq: ballot.seq, hash: ballot.hash)]))],
                                                   references: [poll], key: cochair, now: 3_300, dependsOn: [voters[0].feed: ballot.seq])
        for order in [[ballot, founderClose, cochairClose], [cochairClose, ballot, founderClose]] {
            let replica = try AppDatabase.inMemory()
            try replica.apply(withPoll)
            for change in order { try replica.apply([change]) }
            // The founder's close is earlier and saw no ballot: nothing counts.
            #expect(try replica.poll(poll.hex).result?.winners == [])
            #expect(try replica.poll(poll.hex).closedBy == founder.feed.hex)
        }
    }

    @Test func aRemovedMembersBallotNeverCountsWhateverTheOrder() throws {
        let (store, base) = try group()
        let create = try store.author(ops: [.pollCreate(PollCreate(
            kind: .single, title: "Pick", text: "", options: ["A", "B"], electorate: [.member], unit: .person, deadline: 9_000,
            hiddenUntilClose: false, majority: .simple))], references: [], key: founder, now: 3_000)
        let poll = create.entity(0)
        let withPoll = base + [create]
        let kept = try vote(voters[2], poll, on: withPoll, PollVote(poll: poll, options: [0]), now: 3_100)
        // Voter 3 is removed after their profile (seq 1); their ballot (seq 2) is signed after.
        let removal = try store.author(ops: [.memberRevoke(MemberRevoke(feed: voters[3].feed, role: nil, lastSeq: 1, lastHash: base[5].hash))],
                                       references: [], key: founder, now: 3_200)
        let removed = try vote(voters[3], poll, on: withPoll, PollVote(poll: poll, options: [1]), now: 3_300)
        for order in [[kept, removed, removal], [removal, removed, kept], [removed, kept, removal]] {
            let replica = try AppDatabase.inMemory()
            try replica.apply(withPoll)
            for change in order { try replica.apply([change]) }
            let detail = try replica.poll(poll.hex)
            #expect(detail.result?.counts == ["A": 1, "B": 0])
            #expect(detail.voterNames == ["V2"])
        }
    }
}
