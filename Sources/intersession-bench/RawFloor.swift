import Foundation
import GRDBSQLite
import IntersessionCore

/// The floor a store cannot beat: the rows that applying the changes writes (the log row, the
/// post, its full-text entry, the thread's counters), bound to prepared statements with the C
/// API in one transaction. Values are computed before the clock starts.
enum RawFloor {
    struct Row {
        let feed: Int64, seq: Int64, hash: [UInt8], millis: Int64, counter: Int64, body: [UInt8], signature: [UInt8]
        let post: String, thread: String, text: String
    }

    struct Rows {
        let rows: [Row]

        init(_ changes: [SignedChange], feedRows: [FeedID: Int64]) throws {
            rows = try changes.map { change in
                guard case .postCreate(let post) = change.body.ops[0], let feed = feedRows[change.author] else {
                    throw BenchmarkError("the workload holds only replies by known feeds")
                }
                return Row(feed: feed, seq: change.seq, hash: change.hash.bytes, millis: change.body.hlc.millis,
                           counter: change.body.hlc.counter, body: change.bytes, signature: change.signature,
                           post: change.entity(0).hex, thread: post.thread.hex, text: post.body)
            }
        }
    }

    static func insert(_ rows: Rows, path: String) throws -> Double {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let db else {
            throw BenchmarkError("cannot open \(path)")
        }
        defer { sqlite3_close_v2(db) }
        try exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON")
        let change = try prepare(db, "INSERT INTO change (feed, seq, hash, hlc_ms, hlc_c, body, sig) VALUES (?, ?, ?, ?, ?, ?, ?)")
        let post = try prepare(db, """
            INSERT INTO post (id, thread, parent, author, seq, op_index, created_ms, created_c, lang, body, body_ms, body_c, body_seq)
            VALUES (?1, ?2, ?2, ?3, ?4, 0, ?5, ?6, 'en', ?7, ?5, ?6, ?4)
            """)
        let fts = try prepare(db, "INSERT INTO post_fts (rowid, body) VALUES (?, ?)")
        let thread = try prepare(db, """
            UPDATE thread SET post_count = post_count + 1, last_ms = max(last_ms, ?1), last_c = ?2 WHERE id = ?3
            """)
        defer { [change, post, fts, thread].forEach { sqlite3_finalize($0) } }

        let start = DispatchTime.now()
        try exec(db, "BEGIN IMMEDIATE")
        for row in rows.rows {
            sqlite3_bind_int64(change, 1, row.feed)
            sqlite3_bind_int64(change, 2, row.seq)
            bind(change, 3, row.hash)
            sqlite3_bind_int64(change, 4, row.millis)
            sqlite3_bind_int64(change, 5, row.counter)
            bind(change, 6, row.body)
            bind(change, 7, row.signature)
            try step(db, change)

            bind(post, 1, row.post)
            bind(post, 2, row.thread)
            sqlite3_bind_int64(post, 3, row.feed)
            sqlite3_bind_int64(post, 4, row.seq)
            sqlite3_bind_int64(post, 5, row.millis)
            sqlite3_bind_int64(post, 6, row.counter)
            bind(post, 7, row.text)
            try step(db, post)

            sqlite3_bind_int64(fts, 1, sqlite3_last_insert_rowid(db))
            bind(fts, 2, row.text)
            try step(db, fts)

            sqlite3_bind_int64(thread, 1, row.millis)
            sqlite3_bind_int64(thread, 2, row.counter)
            bind(thread, 3, row.thread)
            try step(db, thread)
        }
        try exec(db, "COMMIT")
        return ApplyBenchmark.seconds(since: start)
    }

    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    static func bind(_ statement: OpaquePointer, _ index: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { _ = sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), transient) }
    }

    static func bind(_ statement: OpaquePointer, _ index: Int32, _ text: String) {
        _ = sqlite3_bind_text(statement, index, text, -1, transient)
    }

    static func step(_ db: OpaquePointer, _ statement: OpaquePointer) throws {
        guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchmarkError(String(cString: sqlite3_errmsg(db))) }
        sqlite3_reset(statement)
    }

    static func exec(_ db: OpaquePointer, _ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw BenchmarkError(String(cString: sqlite3_errmsg(db))) }
    }

    static func prepare(_ db: OpaquePointer, _ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BenchmarkError(String(cString: sqlite3_errmsg(db)))
        }
        return statement
    }
}
