import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// A close records (seq, hash) per feed. A voter whose feed forks inside the close's frontier:
/// every replica that has seen both variants counts only that feed's ballots before the fork
/// point, whichever variant the closer saw and whatever the order of delivery; a replica that
/// holds only the other variant counts none of the feed.
@Suite struct ForkedVoterTests {
    let founder = DeviceKey()
    let forked = DeviceKey()
    let other = DeviceKey()

    struct Story {
        var base: [SignedChange]
        var poll: EntityID
        /// The forked voter's two variants (from the fork point on), the other voter's ballot.
        var closerSaw: [SignedChange]
        var otherVariant: [SignedChange]
        var otherBallot: SignedChange
        var close: SignedChange
    }

    /// The forked voter signs `common` ballots on one store, then each copy signs one more.
    func story(commonBallots: Int) throws -> Story {
        let (store, genesis) = try Fixture.foundedStore(by: founder)
        let grants = try store.author(ops: [forked, other].map { .memberRole(MemberRole(feed: $0.feed, role: .member, fromSeq: 1)) },
                                      references: [], key: founder, now: 2_000)
        let create = try store.author(ops: [.pollCreate(PollCreate(
            kind: .single, title: "Pick", text: "", options: ["A", "B", "C"], electorate: [.member], unit: .person, deadline: 9_000,
            hiddenUntilClose: false, majority: .simple))], references: [], key: founder, now: 2_100)
        let poll = create.entity(0)
        let base = [genesis, grants, create]
        let voter = try AppDatabase.inMemory()
        try voter.apply(base)
        var common: [SignedChange] = []
        for index in 0..<commonBallots {
            common.append(try voter.author(ops: [.pollVote(PollVote(poll: poll, options: [0]))], references: [poll], key: forked,
                                           now: 2_200 + Int64(index)))
        }
        let copy = try AppDatabase.inMemory()
        try copy.apply(base + common)
        let seen = try voter.author(ops: [.pollVote(PollVote(poll: poll, options: [1]))], references: [poll], key: forked, now: 2_300)
        let unseen = try copy.author(ops: [.pollVote(PollVote(poll: poll, options: [2]))], references: [poll], key: forked, now: 2_310)
        let otherStore = try AppDatabase.inMemory()
        try otherStore.apply(base)
        let otherBallot = try otherStore.author(ops: [.pollVote(PollVote(poll: poll, options: [2]))], references: [poll], key: other, now: 2_400)
        try store.apply(common + [seen, otherBallot])
        let heads = try store.feedHeads()
        #expect(heads[forked.feed] == FeedHead(seq: seen.seq, hash: seen.hash))
        let close = try store.author(ops: [.pollClose(PollClose(poll: poll, frontier: heads))], references: [poll], key: founder,
                                     now: 3_000, dependsOn: CloseFrontier.dependencies(heads))
        return Story(base: base + common, poll: poll, closerSaw: [seen], otherVariant: [unseen], otherBallot: otherBallot, close: close)
    }

    func replica(_ story: Story, hearing changes: [SignedChange]) throws -> AppDatabase {
        let replica = try AppDatabase.inMemory()
        try replica.apply([story.base[0]])
        for change in changes { try replica.apply([change]) }
        return replica
    }

    @Test func aForkAtTheBallotCountsNoneOfItInEveryOrder() throws {
        let story = try story(commonBallots: 0)
        let everything = story.base + story.closerSaw + story.otherVariant + [story.otherBallot, story.close]
        var rng = SplitMix64(seed: 11)
        var records: [PollDetail] = []
        var digests: Set<String> = []
        for _ in 0..<12 {
            let replica = try replica(story, hearing: everything.shuffled(using: &rng))
            records.append(try replica.poll(story.poll.hex))
            digests.insert(try replica.stateDigest())
            try replica.rebuild()
            digests.insert(try replica.stateDigest())
        }
        #expect(digests.count == 1)
        #expect(records.allSatisfy { $0 == records[0] })
        // Only the other voter's ballot counts; the forked feed's, from its fork point, never.
        #expect(records[0].result?.counts == ["A": 0, "B": 0, "C": 1])
        #expect(records[0].summary.voters == 1)
        // The close depends on the variant it saw, which never applies: it counts all the same.
        #expect(records[0].summary.closed)
    }

    @Test func aForkAfterTheBallotKeepsTheBallotBeforeIt() throws {
        let story = try story(commonBallots: 1)
        let everything = story.base + story.closerSaw + story.otherVariant + [story.otherBallot, story.close]
        var rng = SplitMix64(seed: 12)
        for _ in 0..<12 {
            let replica = try replica(story, hearing: everything.shuffled(using: &rng))
            let detail = try replica.poll(story.poll.hex)
            // The ballot before the fork point (A) counts; neither variant after it does.
            #expect(detail.result?.counts == ["A": 1, "B": 0, "C": 1])
            #expect(detail.summary.voters == 2)
            #expect(detail.summary.closed)
        }
    }

    @Test func aReplicaHoldingTheOtherVariantCountsNoneOfTheFeedUntilItSeesTheFork() throws {
        let story = try story(commonBallots: 1)
        let replica = try replica(story, hearing: story.base + story.otherVariant + [story.otherBallot, story.close])
        let before = try replica.poll(story.poll.hex)
        #expect(before.summary.closed)
        #expect(before.result?.counts == ["A": 0, "B": 0, "C": 1])
        #expect(before.voterNames.count == 1)
        try replica.apply(story.closerSaw)
        #expect(try replica.poll(story.poll.hex).result?.counts == ["A": 1, "B": 0, "C": 1])
    }

    @Test func aCloseWhoseFrontierItDoesNotDependOnIsRefused() throws {
        let story = try story(commonBallots: 0)
        let store = try replica(story, hearing: story.base + story.closerSaw)
        let seen = story.closerSaw[0]
        let crafted = try SignedChange(signing: ChangeBody.next(
            group: story.base[0].hash, author: founder.feed, after: FeedHead(seq: story.base[2].seq, hash: story.base[2].hash),
            latest: HLC(millis: 2_500, counter: 0), now: 2_500, deps: [:],
            ops: [.pollClose(PollClose(poll: story.poll, frontier: [forked.feed: FeedHead(seq: seen.seq, hash: seen.hash)]))]), with: founder)
        let report = try store.apply([crafted])
        #expect(report.rejectedOps.map(\.reason) == [.frontierOutsideDeps])
        #expect(try store.poll(story.poll.hex).summary.closed == false)
    }
}
