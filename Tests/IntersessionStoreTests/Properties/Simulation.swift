import Foundation
import Testing
import IntersessionCore
import GRDB
@testable import IntersessionStore

/// A world of replicas for property tests: each actor signs on its own store, every signed
/// change goes to a shared pool, and a seeded generator decides who acts, who hears what and
/// when (random subsets, duplicates, reordering, partitions). After full delivery every store
/// must hold the same state, equal to a rebuild from its log.
final class Simulation {
    struct Actor {
        let key: DeviceKey
        let store: AppDatabase
        var partition = 0
    }

    var rng: SplitMix64
    private(set) var actors: [Actor] = []
    /// Every change signed so far, with the actor that signed it.
    private(set) var pool: [(change: SignedChange, origin: Int)] = []
    private(set) var now: Int64 = 2_000
    var partitioned = false

    /// A group founded by actor 0 (the secretariat), with the WGEC topics.
    init(seed: UInt64) throws {
        rng = SplitMix64(seed: seed &* 0x9E37_79B9 &+ 17)
        let key = DeviceKey()
        let (store, genesis) = try Fixture.foundedStore(by: key)
        actors.append(Actor(key: key, store: store))
        pool.append((genesis, 0))
    }

    var founder: Actor { actors[0] }
    var changes: [SignedChange] { pool.map(\.change) }

    /// A new person with a store that holds everything signed so far.
    @discardableResult
    func addActor() throws -> Int {
        let store = try AppDatabase.inMemory()
        try store.apply(changes)
        actors.append(Actor(key: DeviceKey(), store: store))
        return actors.count - 1
    }

    /// A second store with `actor`'s key and a copy of its log: a restored backup or a copied
    /// home. Both signing from here forks the feed.
    @discardableResult
    func cloneActor(_ actor: Int) throws -> Int {
        let store = try AppDatabase.inMemory()
        try store.apply(try Fixture.log(of: actors[actor].store))
        actors.append(Actor(key: actors[actor].key, store: store, partition: actors[actor].partition))
        return actors.count - 1
    }

    func advanceClock() { now += Int64.random(in: 1...40, using: &rng) }

    /// Signs `ops` as `actor` on its store and adds the change to the pool. A refusal (a role
    /// lost, a poll closed, a penholder removed) is part of the game: it returns nil.
    @discardableResult
    func act(_ actor: Int, _ ops: [Op], references: [EntityID] = [], deps: [FeedID: Int64] = [:], at time: Int64? = nil) -> SignedChange? {
        advanceClock()
        guard let change = try? actors[actor].store.author(ops: ops, references: references, key: actors[actor].key,
                                                           now: time ?? now, dependsOn: deps)
        else { return nil }
        pool.append((change, actor))
        return change
    }

    /// Adds a change signed outside any actor's store (a crafted or an old copy's change).
    func publish(_ change: SignedChange, by actor: Int) { pool.append((change, actor)) }

    /// Everyone hears everything (the setting up of a scenario).
    func deliverAll() throws {
        for actor in actors { try actor.store.apply(changes) }
    }

    /// The secretariat grants each actor a role from their first seq, and everyone hears it.
    func grant(_ roles: [Int: Role]) throws {
        let ops = roles.sorted { $0.key < $1.key }.map { Op.memberRole(MemberRole(feed: actors[$0.key].key.feed, role: $0.value, fromSeq: 1)) }
        guard act(0, ops) != nil else { throw StoreError.notApplied(detail: "the grants were refused") }
        try deliverAll()
    }

    func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }

    func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }

    /// One actor hears a random part of what its partition has signed, shuffled, some twice.
    func gossip() throws {
        let receiver = Int.random(in: 0..<actors.count, using: &rng)
        let audible = pool.filter { !partitioned || actors[$0.origin].partition == actors[receiver].partition }.map(\.change)
        var delivery = audible.filter { _ in Int.random(in: 0..<3, using: &rng) > 0 }
        delivery += delivery.filter { _ in Int.random(in: 0..<5, using: &rng) == 0 }
        delivery.shuffle(using: &rng)
        try actors[receiver].store.apply(delivery)
    }

    /// Splits the actors into two sides that hear only each other until `heal()`.
    func partition() {
        for index in actors.indices { actors[index].partition = Int.random(in: 0..<2, using: &rng) }
        partitioned = true
    }

    func heal() { partitioned = false }

    /// Now and then a partition starts or heals, and someone hears something.
    func weather() throws {
        switch Int.random(in: 0..<20, using: &rng) {
        case 0: partition()
        case 1: heal()
        case 2..<9: try gossip()
        default: break
        }
    }

    /// Full delivery: every actor's store and a few fresh replicas get the whole pool in random
    /// batches, with duplicates; all must agree with each other and with a rebuild. Returns the
    /// stores, for scenario-specific checks.
    @discardableResult
    /// The rows that differ between two replicas, table by table: what a failing seed prints.
    func printDifferences(from reference: AppDatabase, to store: AppDatabase, index: Int) throws {
        for query in AppDatabase.digestQueries + Schema.meetingDigestQueries + Schema.practiceDigestQueries
            + Schema.delegationCategoryDigestQueries {
            let expected = try reference.read { db in try Row.fetchAll(db, sql: query).map { "\($0)" } }
            let found = try store.read { db in try Row.fetchAll(db, sql: query).map { "\($0)" } }
            guard expected != found else { continue }
            print("replica \(index) differs in: \(query.prefix(80))")
            print("  only in replica 0: \(Set(expected).subtracting(found))")
            print("  only in replica \(index): \(Set(found).subtracting(expected))")
        }
    }

    func expectConvergence(freshReplicas: Int = 2, sourceLocation: SourceLocation = #_sourceLocation) throws -> [AppDatabase] {
        heal()
        let all = changes
        var stores = actors.map(\.store)
        for _ in 0..<freshReplicas {
            let replica = try AppDatabase.inMemory()
            try replica.apply([all[0]])
            stores.append(replica)
        }
        for store in stores {
            var delivery = all.shuffled(using: &rng)
            delivery += all.filter { _ in Int.random(in: 0..<6, using: &rng) == 0 }
            var index = 0
            while index < delivery.count {
                let size = Int.random(in: 1...25, using: &rng)
                try store.apply(Array(delivery[index..<min(index + size, delivery.count)]))
                index += size
            }
        }
        let expected = try stores[0].stateDigest()
        for (index, store) in stores.enumerated() where try store.stateDigest() != expected {
            try printDifferences(from: stores[0], to: store, index: index)
        }
        for (index, store) in stores.enumerated() {
            #expect(try store.stateDigest() == expected, "replica \(index) differs after full delivery", sourceLocation: sourceLocation)
        }
        // One replica that hears everything at once, in stamp order, then rebuilds from its log.
        let rebuilt = try AppDatabase.inMemory()
        try rebuilt.apply([all[0]])
        try rebuilt.apply(all.sorted { $0.stamp < $1.stamp })
        try rebuilt.rebuild()
        #expect(try rebuilt.stateDigest() == expected, "a rebuild from the log differs", sourceLocation: sourceLocation)
        for store in stores.prefix(2) {
            try store.rebuild()
            #expect(try store.stateDigest() == expected, "a replica's own rebuild differs", sourceLocation: sourceLocation)
        }
        return stores
    }
}
