import Foundation
import GRDB
import Testing
import IntersessionCore
@testable import IntersessionStore

/// `topics` reads per-topic counters kept by triggers (`topic_count`, v14) instead of summing
/// every thread. Under random delivery in batches (carried or plain), posts and retractions,
/// threads moved between topics, hidden posts, a removed member, a forked feed, read marks set
/// and cleared, and rebuilds, the counters must always equal a fresh aggregate over the threads.
@Suite struct TopicCountProperties {
    /// What was made, for the checks that the history took every path it means to.
    struct Made {
        var moves = 0
        var retractions = 0
    }

    static func history(seed: UInt64) throws -> (Simulation, Made) {
        let sim = try Simulation(seed: seed)
        let people = try (0..<4).map { _ in try sim.addActor() }
        let cochair = try sim.addActor()
        try sim.grant(Dictionary(uniqueKeysWithValues: people.map { ($0, Role.member) } + [(cochair, Role.cochair)]))
        let topics = try Fixture.topicIDs(sim.founder.store)
        var threads: [EntityID] = []
        var posts: [(id: EntityID, author: Int)] = []
        var made = Made()
        for step in 0..<90 {
            let author = sim.pick(people)
            switch Int.random(in: 0..<100, using: &sim.rng) {
            case 0..<22, _ where threads.isEmpty:
                let ops: [Op] = [.threadCreate(ThreadCreate(topic: sim.pick(topics), title: "T\(step)", body: "Body \(step)", language: .en))]
                if let change = sim.act(author, ops, references: topics) {
                    threads.append(change.entity(0))
                    posts.append((change.entity(0), author))
                }
            case 22..<70:
                let thread = sim.pick(threads)
                let ops: [Op] = [.postCreate(PostCreate(thread: thread, parent: thread, body: "Reply \(step)", language: .en))]
                if let change = sim.act(author, ops, references: [thread]) { posts.append((change.entity(0), author)) }
            case 70..<80 where !posts.isEmpty:
                let post = sim.pick(posts)
                if sim.act(post.author, [.postRetract(PostRetract(post: post.id))], references: [post.id]) != nil { made.retractions += 1 }
            case 80..<90:
                let thread = sim.pick(threads), topic = sim.pick(topics)
                if sim.act(cochair, [.moderation(Moderation(.move(thread: thread, topic: topic)))], references: [thread, topic]) != nil {
                    made.moves += 1
                }
            default:
                if let post = posts.last {
                    sim.act(cochair, [.moderation(Moderation(.hide(post: post.id, reason: "Off topic")))], references: [post.id])
                }
            }
            if step == 45 {
                let removed = sim.actors[people[3]]
                let head = try removed.store.feedHeads()[removed.key.feed]
                sim.act(0, [.memberRevoke(MemberRevoke(feed: removed.key.feed, role: nil, lastSeq: head?.seq ?? 0, lastHash: head?.hash))])
            }
            if step == 60 {
                let copy = try sim.cloneActor(people[0])
                sim.act(copy, [.memberProfile(MemberProfile(name: "Copy", organisation: "Org", language: .en))])
                sim.act(people[0], [.memberProfile(MemberProfile(name: "Original", organisation: "Org", language: .en))])
            }
            try sim.weather()
        }
        return (sim, made)
    }

    static func expectCountersAreTheAggregate(_ store: AppDatabase, _ comment: Comment) throws {
        let kept = try store.read { db in try Row.fetchAll(db, sql: ListingSQL.topics).map { Array($0.databaseValues) } }
        let summed = try store.read { db in try Row.fetchAll(db, sql: ListingSQL.topicsAggregated).map { Array($0.databaseValues) } }
        #expect(kept == summed, comment)
    }

    /// Some posts of the store marked read, some of those unread again, now and then a whole thread.
    static func readSome(_ store: AppDatabase, rng: inout SplitMix64) throws {
        let ids = try store.read { db in try String.fetchAll(db, sql: "SELECT id FROM post ORDER BY id") }
        guard !ids.isEmpty else { return }
        try store.markRead(posts: ids.filter { _ in Int.random(in: 0..<3, using: &rng) == 0 })
        try store.markUnread(posts: ids.filter { _ in Int.random(in: 0..<8, using: &rng) == 0 })
        if Int.random(in: 0..<4, using: &rng) == 0 {
            try store.markThreadRead(try store.read { db in try String.fetchOne(db, sql: "SELECT id FROM thread ORDER BY random()") } ?? "")
        }
    }

    @Test(arguments: PropertySeeds.all)
    func countersEqualAFreshAggregate(seed: UInt64) throws {
        let (sim, made) = try Self.history(seed: seed)
        let genesis = sim.changes[0]
        var delivery = Array(sim.changes.dropFirst()).shuffled(using: &sim.rng)
        delivery += delivery.filter { _ in Int.random(in: 0..<6, using: &sim.rng) == 0 }
        let store = try AppDatabase.inMemory()
        try store.apply([genesis])
        var pending: PendingChanges?
        var index = 0, batch = 0
        while index < delivery.count {
            let end = min(delivery.count, index + Int.random(in: 1...30, using: &sim.rng))
            let changes = Array(delivery[index..<end])
            if batch % 2 == 0 { try store.apply(changes, carrying: &pending) } else { try store.apply(changes) }
            try Self.expectCountersAreTheAggregate(store, "seed \(seed), after batch \(batch)")
            try Self.readSome(store, rng: &sim.rng)
            try Self.expectCountersAreTheAggregate(store, "seed \(seed), after read marks at batch \(batch)")
            if batch % 5 == 4 {
                try store.rebuild()
                pending = nil
                try Self.expectCountersAreTheAggregate(store, "seed \(seed), after a rebuild at batch \(batch)")
            }
            index = end
            batch += 1
        }
        try store.rebuild()
        try Self.expectCountersAreTheAggregate(store, "seed \(seed), after the last rebuild")
        // Every path was taken: moves, retractions, read marks, and more than one topic used.
        #expect(made.moves > 0 && made.retractions > 0)
        let reads = try store.read { db in try Int.fetchOne(db, sql: "SELECT sum(reads) FROM topic_count") } ?? 0
        let used = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM topic_count WHERE threads > 0") } ?? 0
        #expect(reads > 0 && used > 1)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM feed WHERE frozen_from IS NOT NULL") } == 1)
    }

    /// A store made before v14 gets its counters from the threads it holds: made here as a
    /// whole store whose v14 is then taken out again (its table, its triggers, its migration row).
    @Test func aV13StoreGetsItsCounters() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (sim, _) = try Self.history(seed: 1)
        let path = folder.appendingPathComponent("store.sqlite").path
        do {
            let old = try AppDatabase.create(path: path)
            try old.apply(sim.changes)
            try old.markRead(posts: try old.read { db in try String.fetchAll(db, sql: "SELECT id FROM post WHERE rowid % 3 = 0") })
            try old.write { db in
                for trigger in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'topic_count_%'") {
                    try db.execute(sql: "DROP TRIGGER \(trigger)")
                }
                try db.execute(sql: "DROP TABLE topic_count; DELETE FROM grdb_migrations WHERE identifier = 'v14-topic-counts'")
            }
        }
        let store = try AppDatabase.open(path: path)
        try Self.expectCountersAreTheAggregate(store, "a v13 store, migrated")
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT sum(reads) FROM topic_count") } ?? 0 > 0)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT sum(threads) FROM topic_count") } ?? 0 > 0)
    }
}
