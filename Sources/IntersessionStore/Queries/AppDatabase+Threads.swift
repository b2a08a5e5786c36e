import Foundation
import GRDB
import IntersessionCore

/// Reading topics, threads and posts, with this profile's unread marks.
extension AppDatabase {
    public func topics() throws -> [TopicSummary] {
        try read { db in
            try Array(Row.fetchCursor(db, sql: ListingSQL.topics).map { row in
                TopicSummary(
                    id: row[0], key: row[1], titleEnglish: row[2], titleFrench: row[3], order: row[4],
                    threads: row[5], posts: row[6], unread: row[7])
            })
        }
    }

    /// Threads by latest activity, newest first; all topics when `topic` is nil.
    public func threads(topic: String?) throws -> [ThreadSummary] {
        try read { db in
            // Read straight from the statement: decoded through GRDB's rows, the columns cost
            // a third of the listing's time at 2,000 threads.
            var threads: [ThreadSummary] = []
            try db.eachRawRow(ListingSQL.threads(inTopic: topic != nil), topic.map { [.text($0)] } ?? []) { row in
                threads.append(ThreadSummary(
                    id: row.text(0), topic: row.text(1), title: row.text(2), author: row.text(3), authorName: row.optionalText(4),
                    created: row.int64(5), lastActivity: row.int64(6), posts: row.int(7), unread: row.int(8),
                    pinned: row.bool(9), locked: row.bool(10)))
            }
            return threads
        }
    }

    public func thread(_ id: String) throws -> ThreadDetail {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: Self.threadSelect + "WHERE h.id = :id", arguments: ["id": id]) else {
                throw StoreError.notFound(kind: "thread", prefix: id)
            }
            let summary = Self.threadSummary(row)
            let key = try String.fetchOne(db, sql: "SELECT key FROM topic WHERE id = ?", arguments: [summary.topic]) ?? ""
            var posts: [PostView] = []
            try db.eachRawRow(ListingSQL.threadPosts, text: id) { posts.append(Self.postView($0)) }
            return ThreadDetail(thread: summary, topicKey: key, posts: ReplyTree.order(posts))
        }
    }

    public func post(_ id: String) throws -> PostView {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: Self.postSelect + "WHERE p.id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "post", prefix: id)
            }
            return Self.postView(row)
        }
    }

    static let postSelect = """
        SELECT p.id, p.thread, p.parent, f.hex, m.name, m.org, p.created_ms, p.lang, p.quote, p.body,
               p.edit_count, p.retracted, EXISTS (SELECT 1 FROM read_post r WHERE r.post = p.id), p.hidden_reason, p.mark
        FROM post p JOIN feed f ON f.id = p.author LEFT JOIN member m ON m.feed = p.author

        """

    /// A post read straight from the statement (`postSelect`'s columns), as `postView(_: Row)` reads it.
    static func postView(_ row: RawRow) -> PostView {
        let retracted = row.bool(11)
        return PostView(
            id: row.text(0), thread: row.text(1), parent: row.optionalText(2), depth: 0, author: row.text(3),
            authorName: row.optionalText(4), organisation: row.optionalText(5), created: row.int64(6), language: row.text(7),
            quote: retracted ? nil : row.optionalText(8), body: retracted ? "" : row.text(9), edits: row.int(10),
            retracted: retracted, read: row.bool(12), hiddenReason: row.optionalText(13), mark: row.optionalText(14))
    }

    static func postView(_ row: Row) -> PostView {
        let retracted: Bool = row[11]
        return PostView(
            id: row[0], thread: row[1], parent: row[2], depth: 0, author: row[3], authorName: row[4],
            organisation: row[5], created: row[6], language: row[7], quote: retracted ? nil : row[8],
            body: retracted ? "" : row[9], edits: row[10], retracted: retracted, read: row[12], hiddenReason: row[13],
            mark: row[14])
    }

    /// Every text the post has had: the first from its creating change, then each edit.
    public func history(ofPost id: String) throws -> [PostVersion] {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.body, p.op_index, c.seq, c.hlc_ms, p.retracted FROM post p
                JOIN change c ON c.feed = p.author AND c.seq = p.seq WHERE p.id = ?
                """, arguments: [id]) else { throw StoreError.notFound(kind: "post", prefix: id) }
            if row[4] as Bool { throw StoreError.postRetracted }
            let json = try JSONParser.parse(Array(row[0] as Data))
            let op = json["ops"]?.arrayValue?[row[1] as Int]
            var versions = [PostVersion(seq: row[2], time: row[3], body: op?["body"]?.stringValue ?? "")]
            versions += try Row.fetchAll(db, sql: """
                SELECT seq, hlc_ms, body FROM post_version WHERE post = ? ORDER BY hlc_ms, hlc_c, seq
                """, arguments: [id]).map { PostVersion(seq: $0[0], time: $0[1], body: $0[2]) }
            return versions
        }
    }

    static let threadSelect = """
        SELECT h.id, h.topic, h.title, f.hex, m.name, h.created_ms, h.last_ms, h.post_count - h.retracted_count,
               h.post_count - h.retracted_count - (SELECT count(*) FROM read_post r WHERE r.thread = h.id),
               h.pinned, h.lock_frontier IS NOT NULL
        FROM thread h JOIN feed f ON f.id = h.author LEFT JOIN member m ON m.feed = h.author

        """

    static func threadSummary(_ row: Row) -> ThreadSummary {
        ThreadSummary(
            id: row[0], topic: row[1], title: row[2], author: row[3], authorName: row[4], created: row[5],
            lastActivity: row[6], posts: row[7], unread: row[8], pinned: row[9], locked: row[10])
    }
}

/// Puts a thread's posts in reply-tree order, as a threaded newsreader shows them.
enum ReplyTree {
    static func order(_ posts: [PostView]) -> [PostView] {
        var children: [String: [PostView]] = [:]
        var roots: [PostView] = []
        let ids = Set(posts.map(\.id))
        for post in posts {
            if let parent = post.parent, ids.contains(parent) {
                children[parent, default: []].append(post)
            } else {
                roots.append(post)
            }
        }
        var ordered: [PostView] = []
        var stack = roots.reversed().map { ($0, 0) }
        while let (post, depth) = stack.popLast() {
            var placed = post
            placed.depth = depth
            ordered.append(placed)
            for child in (children[post.id] ?? []).reversed() { stack.append((child, depth + 1)) }
        }
        return ordered
    }
}

extension AppDatabase {
    /// The first unread post, by topic order then latest activity, outside `thread` (the one
    /// being read): where next-unread goes.
    public func firstUnread(outside thread: String?) throws -> (thread: String, post: String)? {
        try read { db in
            // The first thread with unread posts, from counters; then its first unread post.
            guard let next = try String.fetchOne(db, sql: """
                SELECT h.id FROM thread h JOIN topic t ON t.id = h.topic
                WHERE h.id IS NOT ? AND h.post_count - h.retracted_count > (SELECT count(*) FROM read_post r WHERE r.thread = h.id)
                ORDER BY t.ord, h.last_ms DESC, h.id LIMIT 1
                """, arguments: [thread]),
                let row = try Row.fetchOne(db, sql: """
                    SELECT p.thread, p.id FROM post p
                    WHERE p.thread = ? AND p.retracted = 0 AND NOT EXISTS (SELECT 1 FROM read_post r WHERE r.post = p.id)
                    ORDER BY p.created_ms, p.created_c, p.id LIMIT 1
                    """, arguments: [next])
            else { return nil }
            return (row[0], row[1])
        }
    }
}
