import Foundation
import GRDB
import Testing
import IntersessionCore
@testable import IntersessionStore

/// The import's fast path: batches that carry what still waits from one to the next
/// (`apply(_:carrying:)`) instead of reading the log's pending changes again. Under random
/// delivery (any order, duplicates, batches of any size, a forked feed, a removed member), a
/// replica fed that way holds the same state as one given everything in one plain `apply`, as
/// a rebuild from the log, and as one whose carried changes went stale between batches.
@Suite struct BatchedApplyProperties {
    /// A history with threads and replies across feeds, a member removed part way, and a fork.
    static func history(seed: UInt64) throws -> Simulation {
        let sim = try Simulation(seed: seed)
        let people = try (0..<4).map { _ in try sim.addActor() }
        try sim.grant(Dictionary(uniqueKeysWithValues: people.map { ($0, Role.member) }))
        let topic = try Fixture.topicIDs(sim.founder.store)[0]
        var threads: [EntityID] = []
        var forked = false
        for step in 0..<60 {
            let author = sim.pick(people)
            if threads.isEmpty || sim.chance(25) {
                let change = sim.act(author, [.threadCreate(ThreadCreate(topic: topic, title: "T\(step)", body: "Body \(step)", language: .en))],
                                     references: [topic])
                if let change { threads.append(change.entity(0)) }
            } else {
                let thread = sim.pick(threads)
                sim.act(author, [.postCreate(PostCreate(thread: thread, parent: thread, body: "Reply \(step)", language: .en))],
                        references: [thread])
            }
            if step == 30 {
                let removed = sim.actors[people[3]]
                let head = try removed.store.feedHeads()[removed.key.feed]
                sim.act(0, [.memberRevoke(MemberRevoke(feed: removed.key.feed, role: nil, lastSeq: head?.seq ?? 0, lastHash: head?.hash))])
            }
            if step == 40, !forked {
                // A copy of a member's store signs too, never hearing the original: the feed forks.
                let copy = try sim.cloneActor(people[0])
                sim.act(copy, [.memberProfile(MemberProfile(name: "Copy", organisation: "Org", language: .en))])
                sim.act(people[0], [.memberProfile(MemberProfile(name: "Original", organisation: "Org", language: .en))])
                forked = true
            }
            try sim.weather()
        }
        return sim
    }

    static func delivery(_ sim: Simulation) -> [SignedChange] {
        let all = sim.changes
        var delivery = all.dropFirst().shuffled(using: &sim.rng)
        delivery += all.filter { _ in Int.random(in: 0..<6, using: &sim.rng) == 0 }
        return delivery
    }

    /// `changes` in random batches, each carrying what the one before left waiting. With
    /// `staleEvery`, every so many batches a plain apply of one change runs between two, so the
    /// carried changes no longer describe the log and must be read from it again.
    static func batched(_ changes: [SignedChange], genesis: SignedChange, rng: inout SplitMix64,
                        staleEvery: Int? = nil, heldWaitingLimit: Int? = nil) throws -> (AppDatabase, ApplyReport) {
        let store = try AppDatabase.inMemory()
        try store.apply([genesis])
        var pending: PendingChanges?
        var report = ApplyReport()
        var index = 0, batch = 0
        while index < changes.count {
            let size = Int.random(in: 1...40, using: &rng)
            let end = min(index + size, changes.count)
            if let staleEvery, batch % staleEvery == staleEvery - 1 {
                report = try store.apply([changes[index]])
                index += 1
            }
            if index < end {
                report = try store.apply(Array(changes[index..<end]), carrying: &pending, heldWaitingLimit: heldWaitingLimit)
            }
            index = max(index, end)
            batch += 1
        }
        return (store, report)
    }

    @Test(arguments: PropertySeeds.all)
    func carriedBatchesGiveThePlainState(seed: UInt64) throws {
        let sim = try Self.history(seed: seed)
        let genesis = sim.changes[0]
        let delivery = Self.delivery(sim)

        let plain = try AppDatabase.inMemory()
        try plain.apply([genesis])
        let plainReport = try plain.apply(delivery)
        let expected = try plain.stateDigest()

        let (carried, carriedReport) = try Self.batched(delivery, genesis: genesis, rng: &sim.rng)
        let (stale, staleReport) = try Self.batched(delivery, genesis: genesis, rng: &sim.rng, staleEvery: 3)
        // Every waiting change held by its row alone, even within the batch that met it.
        let (byRow, byRowReport) = try Self.batched(delivery, genesis: genesis, rng: &sim.rng, heldWaitingLimit: 0)
        for (index, store) in [carried, stale, byRow].enumerated() where try store.stateDigest() != expected {
            try sim.printDifferences(from: plain, to: store, index: index + 1)
        }
        #expect(try carried.stateDigest() == expected)
        #expect(try stale.stateDigest() == expected)
        #expect(try byRow.stateDigest() == expected)
        #expect(byRowReport.pending == plainReport.pending)
        #expect(carriedReport.pending == plainReport.pending)
        #expect(staleReport.pending == plainReport.pending)
        #expect(try carried.pendingCount() == plain.pendingCount())
        try carried.rebuild()
        #expect(try carried.stateDigest() == expected, "a rebuild from the carried replica's log differs")
        // The history did fork, so that path was taken.
        #expect(try carried.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM feed WHERE frozen_from IS NOT NULL") } == 1)
    }

    /// Replies delivered before every thread they answer, in batches: they wait across batches
    /// and are taken from the log by row when their thread comes, applied exactly once.
    @Test(arguments: PropertySeeds.all)
    func repliesBeforeTheirThreadsWaitAcrossBatches(seed: UInt64) throws {
        let sim = try Self.history(seed: seed)
        let genesis = sim.changes[0]
        let creations = Set(sim.changes.filter { $0.body.ops.contains { if case .threadCreate = $0 { true } else { false } } }.map(\.hash))
        let all = Array(sim.changes.dropFirst())
        let repliesFirst = all.filter { !creations.contains($0.hash) } + all.filter { creations.contains($0.hash) }

        let plain = try AppDatabase.inMemory()
        try plain.apply([genesis])
        let plainReport = try plain.apply(repliesFirst)
        let (carried, _) = try Self.batched(repliesFirst, genesis: genesis, rng: &sim.rng)
        let (byRow, _) = try Self.batched(repliesFirst, genesis: genesis, rng: &sim.rng, heldWaitingLimit: 2)
        #expect(try carried.stateDigest() == plain.stateDigest())
        #expect(try byRow.stateDigest() == plain.stateDigest())
        #expect(try carried.pendingCount() == plain.pendingCount())

        // The threads taken in by a plain apply between two carrying batches, on the same
        // connection: what was carried is stale (the replies it holds were just applied).
        let stale = try AppDatabase.inMemory()
        try stale.apply([genesis])
        var pending: PendingChanges?
        let replies = all.filter { !creations.contains($0.hash) }
        for start in stride(from: 0, to: replies.count, by: 7) {
            try stale.apply(Array(replies[start..<min(start + 7, replies.count)]), carrying: &pending)
        }
        try stale.apply(all.filter { creations.contains($0.hash) })
        let staleReport = try stale.apply([], carrying: &pending)
        #expect(staleReport.pending == plainReport.pending)
        #expect(try stale.stateDigest() == plain.stateDigest())
    }
}
