import Foundation
import Testing
import GRDB
@testable import IntersessionStore

/// The import's hot statements take their values bound by hand: each run must see its own
/// values (SQLite ignores a bind to a statement that ran and was not reset), NULL only where
/// asked, and empty text and blobs as empty, not NULL.
@Suite struct RawBindingsTests {
    @Test func eachRunSeesItsOwnValues() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a INTEGER, b TEXT, c TEXT, d BLOB)")
            let statements = HotStatementsProbe(db: db)
            for index in 0..<4 {
                let insert = try statements.insert()
                insert.bind(Int64(index), at: 1)
                insert.bind(index == 2 ? "" : "text \(index)", at: 2)
                insert.bind(index == 1 ? nil : "c\(index)", at: 3)
                insert.bind(blob: index == 3 ? [] : [UInt8(index), 0xFF], at: 4)
                try insert.execute()
            }
            let rows = try Row.fetchAll(db, sql: "SELECT a, b, c, d, typeof(b), typeof(d) FROM t ORDER BY a")
            #expect(rows.map { $0[0] as Int64 } == [0, 1, 2, 3])
            #expect(rows.map { $0[1] as String } == ["text 0", "text 1", "", "text 3"])
            #expect(rows.map { $0[2] as String? } == ["c0", nil, "c2", "c3"])
            #expect(rows.map { [UInt8]($0[3] as Data) } == [[0, 0xFF], [1, 0xFF], [2, 0xFF], []])
            #expect(rows.map { $0[4] as String } == ["text", "text", "text", "text"])
            #expect(rows.map { $0[5] as String } == ["blob", "blob", "blob", "blob"])
        }
    }

    /// One statement prepared once and bound by hand, as `HotStatements` keeps them.
    private struct HotStatementsProbe {
        let db: Database
        let statement: Statement

        init(db: Database) {
            self.db = db
            statement = try! db.makeStatement(sql: "INSERT INTO t (a, b, c, d) VALUES (?1, ?2, ?3, ?4)")
            try! statement.markBoundByHand()
        }

        func insert() throws -> Statement {
            statement.resetForBinding()
            return statement
        }
    }
}
