import Foundation
import GRDB

/// Read marks, like a newsreader's `.newsrc`: local to this profile, never synced.
extension AppDatabase {
    public func markRead(posts: [String]) throws {
        try write { db in
            let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO read_mark (post) VALUES (?)")
            for post in posts { try insert.execute(arguments: [post]) }
        }
    }

    public func markUnread(posts: [String]) throws {
        try write { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM read_mark WHERE post = ?")
            for post in posts { try delete.execute(arguments: [post]) }
        }
    }

    public func markThreadRead(_ thread: String) throws {
        try write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO read_mark (post) SELECT id FROM post WHERE thread = ?", arguments: [thread])
        }
    }
}
