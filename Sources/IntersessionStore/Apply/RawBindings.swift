import GRDB
import GRDBSQLite

/// Values bound straight into a prepared SQLite statement. GRDB's `StatementArguments` box each
/// value as a `DatabaseValue` and bind through one nested closure per argument, which for the
/// statements an import runs per change costs about as much as SQLite's own work. Running the
/// statement is left to GRDB (`execute()`), which keeps its transaction and observer
/// bookkeeping. A statement bound this way is marked bound once (`HotStatements` does), and
/// reset before each binding: SQLite ignores a value bound to a statement that has run.
extension Statement {
    func resetForBinding() {
        sqlite3_reset(sqliteStatement)
    }

    func bind(_ value: Int64, at index: Int32) {
        sqlite3_bind_int64(sqliteStatement, index, value)
    }

    func bind(_ value: Int, at index: Int32) {
        sqlite3_bind_int64(sqliteStatement, index, Int64(value))
    }

    func bind(_ value: String?, at index: Int32) {
        guard let value else { return bindNull(at: index) }
        var text = value
        text.withUTF8 { utf8 in
            // An empty buffer may have no address, which SQLite would take for NULL.
            guard let address = utf8.baseAddress, !utf8.isEmpty else {
                return _ = sqlite3_bind_text(sqliteStatement, index, "", 0, transientBinding)
            }
            _ = sqlite3_bind_text(sqliteStatement, index, address, Int32(utf8.count), transientBinding)
        }
    }

    func bind(blob bytes: [UInt8], at index: Int32) {
        guard !bytes.isEmpty else { return _ = sqlite3_bind_zeroblob(sqliteStatement, index, 0) }
        bytes.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(sqliteStatement, index, raw.baseAddress, Int32(raw.count), transientBinding)
        }
    }

    func bindNull(at index: Int32) {
        sqlite3_bind_null(sqliteStatement, index)
    }

    /// Marks the statement's arguments valid, so that GRDB's `execute()` only resets it and
    /// runs it with the values bound above.
    func markBoundByHand() throws {
        let count = Int(sqlite3_bind_parameter_count(sqliteStatement))
        try setArguments(StatementArguments(Array(repeating: DatabaseValue.null, count: count)))
    }
}

/// SQLite copies the value before the bind returns (`SQLITE_TRANSIENT`).
private let transientBinding = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
