import Foundation
import GRDB
import IntersessionCore

/// A file of a shared folder found bad, as this replica recorded it when it reported it.
public struct BadFile: Sendable, Equatable {
    public var path: String
    public var size: Int64
    public var mtime: Int64
    public var reason: String
}

/// A feed that signed two different changes for one seq: its changes from `seq` on do not count.
public struct FrozenFeed: Sendable, Equatable {
    public var feed: FeedID
    public var seq: Int64
    /// The member's name, when this replica knows the feed's profile.
    public var name: String?
    /// The secretariat has dealt with it: re-admitted the member under a new key, or removed them.
    public var settled: Bool = false
}

/// What stays wrong after a sync, for the report: the bad files still there and the frozen feeds.
extension AppDatabase {
    /// Every file recorded bad, oldest path first (the caller checks which are still there, unchanged).
    public func badFiles() throws -> [BadFile] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT path, size, mtime, reason FROM bad_file ORDER BY path").map { row in
                BadFile(path: row[0], size: row[1], mtime: row[2], reason: row[3])
            }
        }
    }

    /// Forgets a bad file that was fixed or removed: it stops counting, and is reported afresh if it turns bad again.
    public func forgetBadFiles(_ paths: [String]) throws {
        guard !paths.isEmpty else { return }
        try write { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM bad_file WHERE path = ?")
            for path in paths { try delete.execute(arguments: [path]) }
        }
    }

    public func frozenFeeds() throws -> [FrozenFeed] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.key, f.frozen_from, m.name,
                       EXISTS (SELECT 1 FROM invite i WHERE i.replaces = f.hex)
                       OR EXISTS (SELECT 1 FROM role_revocation r WHERE r.feed = f.id AND r.role IS NULL)
                FROM feed f LEFT JOIN member m ON m.feed = f.id
                WHERE f.frozen_from IS NOT NULL ORDER BY f.hex
                """).compactMap { row in
                guard let feed = FeedID(bytes: Array(row[0] as Data)) else { return nil }
                return FrozenFeed(feed: feed, seq: row[1], name: row[2], settled: row[3])
            }
        }
    }
}
