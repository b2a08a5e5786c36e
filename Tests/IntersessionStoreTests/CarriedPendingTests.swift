import Foundation
import GRDB
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Issue 14: a large import's batches each read every pending change of the log again and
/// decoded it, so replies read before their threads cost time and memory at every batch. Now
/// each batch is handed what the one before left waiting; the log is read again only when
/// something else changed it in between.
@Suite struct CarriedPendingTests {
    /// A thread by one member and `replies` replies to it by another, the replies first.
    static func repliesBeforeTheirThread(_ replies: Int) throws -> (genesis: SignedChange, replies: [SignedChange], rest: [SignedChange]) {
        let sim = try Simulation(seed: 7)
        let opener = try sim.addActor(), replier = try sim.addActor()
        try sim.grant([opener: .member, replier: .member])
        let topic = try Fixture.topicIDs(sim.founder.store)[0]
        let thread = try #require(sim.act(opener, [.threadCreate(ThreadCreate(topic: topic, title: "T", body: "B", language: .en))],
                                          references: [topic]))
        try sim.actors[replier].store.apply([thread])
        let before = sim.changes.count
        for index in 0..<replies {
            sim.act(replier, [.postCreate(PostCreate(thread: thread.entity(0), parent: thread.entity(0), body: "R\(index)", language: .en))],
                    references: [thread.entity(0)])
        }
        let all = sim.changes
        return (all[0], Array(all[before...]), Array(all[1..<before]))
    }

    /// Counts the reads of the log's pending changes on a store's connection.
    final class PendingReads: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func note(_ sql: String) { if sql.contains("c.seq > f.head_seq") { lock.withLock { count += 1 } } }
    }

    @Test func batchesCarryingWhatWaitsDoNotReadTheLogAgain() throws {
        let (genesis, replies, rest) = try Self.repliesBeforeTheirThread(12)
        let reads = PendingReads()
        var config = AppDatabase.configuration()
        config.prepareDatabase { db in db.trace { event in if case .statement(let statement) = event { reads.note(statement.sql) } } }
        let store = try AppDatabase(writer: DatabaseQueue(configuration: config), path: ":memory:")
        try store.apply([genesis])
        let readsBefore = reads.value
        var pending: PendingChanges?
        for start in stride(from: 0, to: replies.count, by: 3) {
            try store.apply(Array(replies[start..<min(start + 3, replies.count)]), carrying: &pending)
        }
        #expect(pending?.count == replies.count)
        let report = try store.apply(rest, carrying: &pending)
        // Once, by the first batch (nothing carried yet); never by the five after it.
        #expect(reads.value - readsBefore == 1)
        #expect(report.pending == 0)
        #expect(pending?.count == 0)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM post") } == replies.count + 1)
    }

    @Test func anotherConnectionsCommitBetweenBatchesSendsTheNextBatchToTheLog() throws {
        let (genesis, replies, rest) = try Self.repliesBeforeTheirThread(6)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        let store = try AppDatabase.create(path: path)
        try store.apply([genesis])
        var pending: PendingChanges?
        try store.apply(Array(replies.prefix(3)), carrying: &pending)
        #expect(pending?.count == 3)
        // Another process (the interface, a command) takes in the thread meanwhile.
        try AppDatabase.open(path: path).apply(rest)
        let report = try store.apply(Array(replies.dropFirst(3)), carrying: &pending)

        let plain = try AppDatabase.inMemory()
        try plain.apply([genesis])
        try plain.apply(replies + rest)
        #expect(report.pending == 0)
        #expect(try store.stateDigest() == plain.stateDigest())
    }
}
