import Foundation
import GRDB
import Testing
import IntersessionCore
@testable import IntersessionStore

/// The checks `repair` runs: the log's chains and signatures, and the state against a rebuild.
@Suite struct StoreCheckTests {
    func storeWithAThread() throws -> (AppDatabase, DeviceKey) {
        let founder = DeviceKey()
        let (store, _) = try Fixture.foundedStore(by: founder)
        let topic = try Fixture.topicIDs(store)[0]
        for index in 1...3 {
            _ = try store.author(
                ops: [.threadCreate(ThreadCreate(topic: topic, title: "Thread \(index)", body: "Text", language: .en))],
                references: [topic], key: founder, now: 2_000 + Int64(index))
        }
        return (store, founder)
    }

    @Test func aSoundStorePassesEveryCheckAndIsLeftAsItIs() throws {
        let (store, _) = try storeWithAThread()
        let digest = try store.stateDigest()
        #expect(try store.integrityProblems().isEmpty)
        #expect(try store.logProblems().isEmpty)
        #expect(try store.stateMatchesLog())
        #expect(try store.stateDigest() == digest, "the check's rebuild is rolled back")
    }

    @Test func aStateThatDiffersFromTheLogIsFoundAndRebuilt() throws {
        let (store, _) = try storeWithAThread()
        let digest = try store.stateDigest()
        try store.write { db in try db.execute(sql: "UPDATE thread SET title = 'Forged'") }
        #expect(try store.logProblems().isEmpty)
        #expect(try !store.stateMatchesLog())
        try store.rebuild()
        #expect(try store.stateDigest() == digest)
    }

    @Test func aBadSignatureAnywhereInTheLogIsFound() throws {
        let (store, founder) = try storeWithAThread()
        // The first change's signature: the links from the last one vouch for its body, not for it.
        try store.write { db in try db.execute(sql: "UPDATE change SET sig = zeroblob(64) WHERE seq = 2") }
        let problems = try store.logProblems()
        #expect(problems.map(\.feed) == [founder.feed])
        #expect(problems.first?.reason == "\(ChainError.badSignature(seq: 2))")
    }

    @Test func aBodyThatIsNotItsHashIsFound() throws {
        let (store, founder) = try storeWithAThread()
        try store.write { db in
            let body = try Data.fetchOne(db, sql: "SELECT body FROM change WHERE seq = 3")!
            let forged = Data(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "Thread 2", with: "Thread X").utf8)
            try db.execute(sql: "UPDATE change SET body = ? WHERE seq = 3", arguments: [forged])
        }
        let problems = try store.logProblems()
        #expect(problems.map(\.feed) == [founder.feed])
        #expect(problems.first?.reason == "change 3 does not match its recorded hash")
    }

    @Test func theFrozenFeedsAndBadFilesAreListed() throws {
        let (store, founder) = try storeWithAThread()
        try store.write { db in try db.execute(sql: "UPDATE feed SET frozen_from = 3") }
        #expect(try store.frozenFeeds() == [FrozenFeed(feed: founder.feed, seq: 3, name: "Sec")])
        try store.recordBadFile(path: "/f/a.seg", size: 10, mtime: 20, reason: "truncated")
        #expect(try store.badFiles() == [BadFile(path: "/f/a.seg", size: 10, mtime: 20, reason: "truncated")])
        try store.forgetBadFiles(["/f/a.seg"])
        #expect(try store.badFiles().isEmpty)
    }
}
