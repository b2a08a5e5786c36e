import GRDB
import GRDBSQLite

/// Rows read straight from a prepared SQLite statement. GRDB copies each row into a `Row` and
/// decodes each value through its conversion protocols, about 10,000 instructions a row for
/// the folder bookkeeping a sync with nothing new reads (a row per file of the folder, a
/// thousand at a million changes): reading the columns directly keeps that sync flat.
struct RawRow {
    let statement: OpaquePointer

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func bool(_ column: Int32) -> Bool { sqlite3_column_int64(statement, column) != 0 }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }

    func optionalInt64(_ column: Int32) -> Int64? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : int64(column)
    }

    /// A blob's bytes (empty for NULL or an empty blob).
    func bytes(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let start = sqlite3_column_blob(statement, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: start, count: count))
    }

    func optionalText(_ column: Int32) -> String? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : text(column)
    }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}

/// A parameter bound straight into a statement read with `eachRawRow`.
enum RawArgument {
    case text(String)
    case int(Int64)
    case blob([UInt8])
}

extension Database {
    /// Calls `body` for each row `sql` yields with its one text parameter bound to `text`.
    func eachRawRow(_ sql: String, text: String, _ body: (RawRow) throws -> Void) throws {
        try eachRawRow(sql, [.text(text)], body)
    }

    /// Calls `body` for each row `sql` yields with its parameters bound to `arguments`, in order.
    func eachRawRow(_ sql: String, _ arguments: [RawArgument], _ body: (RawRow) throws -> Void) throws {
        let statement = try cachedStatement(sql: sql)
        statement.resetForBinding()
        for (index, argument) in zip(Int32(1)..., arguments) {
            switch argument {
            case .text(let text): statement.bind(text, at: index)
            case .int(let value): statement.bind(value, at: index)
            case .blob(let bytes): statement.bind(blob: bytes, at: index)
            }
        }
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
            }
            try body(RawRow(statement: raw))
        }
    }
}
