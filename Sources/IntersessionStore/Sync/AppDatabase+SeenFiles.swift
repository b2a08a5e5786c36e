import Foundation
import GRDB

/// A file of a shared folder this replica read or wrote, as it was then. Only a good segment
/// still there unchanged covers its range: a file gone or changed since is forgotten, read
/// again, and its range written anew by whoever holds it.
public struct SeenFile: Sendable, Hashable {
    /// The feed folder's name (the feed id in hex).
    public var feed: String
    /// The file's name in the feed folder.
    public var name: String
    public var range: SeqRange
    public var size: Int64
    public var mtime: Int64
    /// A good segment holding `range`; false for a sync tool's conflict copy, read only for
    /// fork evidence (its changes are never applied, so it covers nothing).
    public var covers: Bool

    public init(feed: String, name: String, range: SeqRange, size: Int64, mtime: Int64, covers: Bool) {
        self.feed = feed
        self.name = name
        self.range = range
        self.size = size
        self.mtime = mtime
        self.covers = covers
    }
}

extension AppDatabase {
    public func seenFiles(_ folder: String) throws -> [SeenFile] {
        try read { db in
            try Self.seenFiles(db, "SELECT \(Self.seenFileColumns) FROM seen_file WHERE folder = ?", [.text(folder)])
        }
    }

    /// The ranges each feed's good files in `folder` hold, by feed hex.
    public func seenSegments(_ folder: String) throws -> [String: Set<SeqRange>] {
        try read { db in
            var seen: [String: Set<SeqRange>] = [:]
            try db.eachRawRow("SELECT feed, first_seq, last_seq FROM seen_file WHERE folder = ? AND covers = 1", text: folder) { row in
                seen[row.text(0), default: []].insert(SeqRange(first: row.int64(1), last: row.int64(2)))
            }
            return seen
        }
    }

    public func rememberFiles(_ folder: String, _ files: [SeenFile]) throws {
        guard !files.isEmpty else { return }
        try write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO seen_file (folder, feed, name, first_seq, last_seq, size, mtime, covers)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for file in files {
                try insert.execute(arguments: [folder, file.feed, file.name, file.range.first, file.range.last,
                                               file.size, file.mtime, file.covers])
            }
        }
    }

    public func forgetFiles(_ folder: String, _ files: [SeenFile]) throws {
        guard !files.isEmpty else { return }
        try write { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM seen_file WHERE folder = ? AND feed = ? AND name = ?")
            let exported = try db.cachedStatement(sql: "DELETE FROM folder_export WHERE folder = ? AND feed = ?")
            for file in files {
                try delete.execute(arguments: [folder, file.feed, file.name])
                try exported.execute(arguments: [folder, file.feed])
            }
        }
    }
}
