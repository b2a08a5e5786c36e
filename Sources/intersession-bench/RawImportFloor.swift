import Foundation
import GRDBSQLite
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// The floor of an import: read the same files, open them when sealed (`open`), inflate and
/// split the lines, decode the signatures, put back the ids each line leaves out, hash every
/// body, and insert the same rows (log, threads, posts, full-text entries, thread counters)
/// with prepared statements in one transaction, into the same schema. Row values are computed
/// before the clock starts; only the bytes are read, inflated and hashed inside it.
enum RawImportFloor {
    enum Row {
        case change(seq: Int64, feed: FeedID, hash: [UInt8], millis: Int64, counter: Int64, body: [UInt8], signature: [UInt8])
        case thread(id: String, topic: String, title: String, feed: FeedID, seq: Int64, millis: Int64)
        case post(id: String, thread: String, parent: String?, feed: FeedID, seq: Int64, millis: Int64, counter: Int64, text: String)
    }

    struct Rows {
        var rows: [Row] = []

        init(_ changes: [SignedChange]) throws {
            for change in changes.dropFirst() {
                let body = change.body
                rows.append(.change(seq: body.seq, feed: body.author, hash: change.hash.bytes, millis: body.hlc.millis,
                                    counter: body.hlc.counter, body: change.bytes, signature: change.signature))
                for (index, op) in body.ops.enumerated() {
                    switch op {
                    case .threadCreate(let thread):
                        let id = change.entity(index).hex
                        rows.append(.thread(id: id, topic: thread.topic.hex, title: thread.title, feed: body.author, seq: body.seq, millis: body.hlc.millis))
                        rows.append(.post(id: id, thread: id, parent: nil, feed: body.author, seq: body.seq, millis: body.hlc.millis,
                                          counter: body.hlc.counter, text: thread.body))
                    case .postCreate(let post):
                        rows.append(.post(id: change.entity(index).hex, thread: post.thread.hex, parent: post.parent.hex,
                                          feed: body.author, seq: body.seq, millis: body.hlc.millis, counter: body.hlc.counter, text: post.body))
                    default: continue
                    }
                }
            }
        }
    }

    static func run(files: [String], rows: Rows, schemaFrom path: String, genesis: SignedChange,
                    open: ([UInt8]) throws -> [UInt8] = { $0 }) throws -> Double {
        let store = try AppDatabase.create(path: path)
        try store.apply([genesis])
        var feedRows = try store.feedRowIDs()
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let db else { throw BenchmarkError("cannot open \(path)") }
        defer { sqlite3_close_v2(db) }
        try RawFloor.exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON")
        let feed = try RawFloor.prepare(db, "INSERT INTO feed (key, hex) VALUES (?, ?)")
        let change = try RawFloor.prepare(db, "INSERT INTO change (feed, seq, hash, hlc_ms, hlc_c, body, sig) VALUES (?, ?, ?, ?, ?, ?, ?)")
        let thread = try RawFloor.prepare(db, """
            INSERT INTO thread (id, topic, title, author, seq, created_ms, created_c, last_ms, last_c) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?6, 0)
            """)
        let post = try RawFloor.prepare(db, """
            INSERT INTO post (id, thread, parent, author, seq, op_index, created_ms, created_c, lang, body, body_ms, body_c, body_seq)
            VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7, 'en', ?8, ?6, ?7, ?5)
            """)
        let fts = try RawFloor.prepare(db, "INSERT INTO post_fts (rowid, body) VALUES (?, ?)")
        let touch = try RawFloor.prepare(db, "UPDATE thread SET post_count = post_count + 1, last_ms = max(last_ms, ?1) WHERE id = ?2")
        defer { [feed, change, thread, post, fts, touch].forEach { sqlite3_finalize($0) } }

        func row(of key: FeedID) throws -> Int64 {
            if let row = feedRows[key] { return row }
            RawFloor.bind(feed, 1, key.bytes)
            RawFloor.bind(feed, 2, key.hex)
            try RawFloor.step(db, feed)
            feedRows[key] = sqlite3_last_insert_rowid(db)
            return feedRows[key]!
        }

        let start = DispatchTime.now()
        var hashed = 0
        for file in files {
            let bytes = try open(Array(Data(contentsOf: URL(fileURLWithPath: file))))
            hashed += try SegmentFormat.signedBodies(bytes).count
        }
        try RawFloor.exec(db, "BEGIN IMMEDIATE")
        for item in rows.rows {
            switch item {
            case .change(let seq, let key, let hash, let millis, let counter, let body, let signature):
                sqlite3_bind_int64(change, 1, try row(of: key))
                sqlite3_bind_int64(change, 2, seq)
                RawFloor.bind(change, 3, hash)
                sqlite3_bind_int64(change, 4, millis)
                sqlite3_bind_int64(change, 5, counter)
                RawFloor.bind(change, 6, body)
                RawFloor.bind(change, 7, signature)
                try RawFloor.step(db, change)
            case .thread(let id, let topic, let title, let key, let seq, let millis):
                RawFloor.bind(thread, 1, id)
                RawFloor.bind(thread, 2, topic)
                RawFloor.bind(thread, 3, title)
                sqlite3_bind_int64(thread, 4, try row(of: key))
                sqlite3_bind_int64(thread, 5, seq)
                sqlite3_bind_int64(thread, 6, millis)
                try RawFloor.step(db, thread)
            case .post(let id, let threadID, let parent, let key, let seq, let millis, let counter, let text):
                RawFloor.bind(post, 1, id)
                RawFloor.bind(post, 2, threadID)
                if let parent { RawFloor.bind(post, 3, parent) } else { sqlite3_bind_null(post, 3) }
                sqlite3_bind_int64(post, 4, try row(of: key))
                sqlite3_bind_int64(post, 5, seq)
                sqlite3_bind_int64(post, 6, millis)
                sqlite3_bind_int64(post, 7, counter)
                RawFloor.bind(post, 8, text)
                try RawFloor.step(db, post)
                sqlite3_bind_int64(fts, 1, sqlite3_last_insert_rowid(db))
                RawFloor.bind(fts, 2, text)
                try RawFloor.step(db, fts)
                sqlite3_bind_int64(touch, 1, millis)
                RawFloor.bind(touch, 2, threadID)
                try RawFloor.step(db, touch)
            }
        }
        try RawFloor.exec(db, "COMMIT")
        guard hashed > 0 else { throw BenchmarkError("the floor read no change") }
        return ApplyBenchmark.seconds(since: start)
    }
}
