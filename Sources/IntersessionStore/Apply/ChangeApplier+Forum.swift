import Foundation
import GRDB
import IntersessionCore

/// The forum: topics, threads and posts, with the search index kept beside them (the hot path
/// of every import).
extension ChangeApplier {
    /// Topics, threads, posts, their versions and retractions, and a thread anchored in a draft.
    func executeForum(_ mutation: Mutation, author: Int64) throws {
        switch mutation {
        case .createTopic(let id, let key, let title, let order, let stamp):
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO topic (id, key, title_en, title_fr, ord, author, seq, created_ms, created_c)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id.hex, key, title.english, title.french, order, author, stamp.seq,
                            stamp.hlc.millis, stamp.hlc.counter])
        case .createThread(let id, let topic, let title, let stamp):
            let statement = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO thread (id, topic, title, author, seq, created_ms, created_c, last_ms, last_c)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)
                """)
            try statement.execute(arguments: [id.hex, topic.hex, title, author, stamp.seq, stamp.hlc.millis, stamp.hlc.counter])
        case .createPost(let post):
            try createPost(post, author: author)
        case .addPostVersion(let post, let body, let stamp, let isCurrent):
            try addVersion(post: post, body: body, stamp: stamp, isCurrent: isCurrent)
        case .retractPost(let post, _):
            try retract(post: post)
        case .anchorThread(let thread, let draft, let anchor):
            try db.execute(sql: "INSERT OR IGNORE INTO draft_comment (thread, draft, anchor) VALUES (?, ?, ?)",
                           arguments: [thread.hex, draft.hex, anchor?.text])
        default:
            preconditionFailure("not a forum mutation")
        }
    }

    private func createPost(_ post: NewPost, author: Int64) throws {
        try insertPostRow(post, author: author)
        guard db.changesCount > 0 else { return }
        remember(PostFacts(thread: post.thread, author: post.stamp.author, bodyStamp: post.stamp), for: post.id)
        if !searchIsBehind {
            let index = try statements(.indexPost)
            index.bind(db.lastInsertedRowID, at: 1)
            index.bind(post.body, at: 2)
            try index.execute()
        }
        postsAdded[post.thread, default: AddedPosts()].add(at: post.stamp.hlc)
    }

    private func insertPostRow(_ post: NewPost, author: Int64) throws {
        let insert = try statements(.insertPost)
        insert.bind(post.id.hex, at: 1)
        insert.bind(post.thread.hex, at: 2)
        insert.bind(post.parent?.hex, at: 3)
        insert.bind(author, at: 4)
        insert.bind(post.stamp.seq, at: 5)
        insert.bind(post.opIndex, at: 6)
        insert.bind(post.stamp.hlc.millis, at: 7)
        insert.bind(post.stamp.hlc.counter, at: 8)
        insert.bind(post.language.rawValue, at: 9)
        insert.bind(post.quote, at: 10)
        insert.bind(post.body, at: 11)
        try insert.execute()
    }

    private func addVersion(post: EntityID, body: String, stamp: ChangeStamp, isCurrent: Bool) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO post_version (post, seq, hlc_ms, hlc_c, body) VALUES (?, ?, ?, ?, ?)",
            arguments: [post.hex, stamp.seq, stamp.hlc.millis, stamp.hlc.counter, body])
        try db.execute(sql: "UPDATE post SET edit_count = edit_count + 1 WHERE id = ?", arguments: [post.hex])
        if isCurrent, var facts = postCache[post] {
            facts.bodyStamp = stamp
            postCache[post] = facts
        }
        guard isCurrent,
            let row = try Row.fetchOne(db, sql: "SELECT rowid, body, retracted FROM post WHERE id = ?", arguments: [post.hex])
        else { return }
        let rowid: Int64 = row[0]
        let retracted: Bool = row[2]
        if !retracted, !searchIsBehind {
            try db.execute(
                sql: "INSERT INTO post_fts (post_fts, rowid, body) VALUES ('delete', ?, ?)", arguments: [rowid, row[1]])
            try db.execute(sql: "INSERT INTO post_fts (rowid, body) VALUES (?, ?)", arguments: [rowid, body])
        }
        try db.execute(
            sql: "UPDATE post SET body = ?, body_ms = ?, body_c = ?, body_seq = ? WHERE rowid = ?",
            arguments: [body, stamp.hlc.millis, stamp.hlc.counter, stamp.seq, rowid])
    }

    private func retract(post: EntityID) throws {
        postCache[post]?.retracted = true
        guard let row = try Row.fetchOne(
            db, sql: "SELECT rowid, body, retracted FROM post WHERE id = ?", arguments: [post.hex]),
            !(row[2] as Bool)
        else { return }
        if !searchIsBehind {
            try db.execute(
                sql: "INSERT INTO post_fts (post_fts, rowid, body) VALUES ('delete', ?, ?)", arguments: [row[0], row[1]])
        }
        try db.execute(sql: "UPDATE post SET retracted = 1 WHERE rowid = ?", arguments: [row[0]])
        try db.execute(sql: "UPDATE thread SET retracted_count = retracted_count + 1 WHERE id = (SELECT thread FROM post WHERE rowid = ?)",
                       arguments: [row[0]])
        try db.execute(sql: "DELETE FROM read_post WHERE post = ?", arguments: [post.hex])
    }
}
