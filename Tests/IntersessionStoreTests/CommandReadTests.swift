import Foundation
import GRDB
import GRDBSQLite
import Testing
@testable import IntersessionStore

/// A command's store is one connection; its reads are transactions of their own that keep
/// the statements it prepared (issue 14: GRDB's read-only pragma made each read prepare again
/// every statement it ran).
@Suite struct CommandReadTests {
    func commandStore() throws -> (store: AppDatabase, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("command-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("store.sqlite").path
        _ = try AppDatabase.create(path: path)
        return (try AppDatabase.open(path: path, oneConnection: true), path)
    }

    @Test func readsPrepareEachStatementOnce() throws {
        let (store, _) = try commandStore()
        try store.setSetting("a", to: "1")
        for _ in 0..<5 { #expect(try store.setting("a") == "1") }
        let reprepared = try store.writer.writeWithoutTransaction { db in
            sqlite3_stmt_status(try db.cachedStatement(sql: "SELECT value FROM setting WHERE key = ?").sqliteStatement,
                                SQLITE_STMTSTATUS_REPREPARE, 0)
        }
        #expect(reprepared == 0)
    }

    @Test func aReadSeesOneStateWhileAnotherProcessWrites() throws {
        let (store, path) = try commandStore()
        try store.setSetting("a", to: "1")
        let other = try DatabaseQueue(path: path)
        let seen = try store.read { db in
            let first = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'a'")
            try other.write { try $0.execute(sql: "UPDATE setting SET value = '2' WHERE key = 'a'") }
            return [first, try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'a'")]
        }
        #expect(seen == ["1", "1"])
        #expect(try store.setting("a") == "2")
    }

    @Test func aFailedReadLeavesNoTransactionOpen() throws {
        struct Stop: Error {}
        let (store, _) = try commandStore()
        #expect(throws: Stop.self) { try store.read { db -> Int in _ = try Int.fetchOne(db, sql: "SELECT 1"); throw Stop() } }
        #expect(throws: (any Error).self) { try store.read { db in try db.execute(sql: "SELECT * FROM no_such_table") } }
        try store.setSetting("b", to: "x")
        #expect(try store.setting("b") == "x")
    }
}
