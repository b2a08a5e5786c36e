import GRDB

/// Read marks, like a newsreader's `.newsrc`: local to this profile, never synced. Each knows
/// its thread, so unread counts come from counters; retracted posts are never unread.
extension AppDatabase {
    public func markRead(posts: [String]) throws {
        try writeLocal { db in
            let insert = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO read_post (post, thread) SELECT id, thread FROM post WHERE id = ? AND retracted = 0
                """)
            for post in posts { try insert.execute(arguments: [post]) }
        }
    }

    public func markUnread(posts: [String]) throws {
        try writeLocal { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM read_post WHERE post = ?")
            for post in posts { try delete.execute(arguments: [post]) }
        }
    }

    public func markThreadRead(_ thread: String) throws {
        try writeLocal { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO read_post (post, thread) SELECT id, thread FROM post WHERE thread = ? AND retracted = 0
                """, arguments: [thread])
        }
    }
}
