import Foundation
import GRDB
import IntersessionCore

/// A range of seqs one segment file holds.
public struct SeqRange: Sendable, Hashable, Comparable {
    public var first: Int64
    public var last: Int64

    public init(first: Int64, last: Int64) {
        self.first = first
        self.last = last
    }

    public static func < (lhs: SeqRange, rhs: SeqRange) -> Bool { (lhs.first, lhs.last) < (rhs.first, rhs.last) }
}

/// What this replica remembers of each shared folder (local only, never synced): directory
/// modification times and the bad files reported (the files read or written: AppDatabase+SeenFiles).
extension AppDatabase {
    public func folderMtimes(_ folder: String) throws -> [String: Int64] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(
                db.cachedStatement(sql: "SELECT feed, dir_mtime FROM folder_feed WHERE folder = ?"), arguments: [folder]
            ).map { ($0[0] as String, $0[1] as Int64) })
        }
    }

    public func setFolderMtime(_ folder: String, key: String, mtime: Int64?) throws {
        try write { db in
            if let mtime {
                try db.execute(sql: "INSERT OR REPLACE INTO folder_feed (folder, feed, dir_mtime) VALUES (?, ?, ?)",
                               arguments: [folder, key, mtime])
            } else {
                try db.execute(sql: "DELETE FROM folder_feed WHERE folder = ? AND feed = ?", arguments: [folder, key])
            }
        }
    }

    /// Whether this exact file (same size and time) was already reported bad.
    public func wasReported(path: String, size: Int64, mtime: Int64) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM bad_file WHERE path = ? AND size = ? AND mtime = ?",
                              arguments: [path, size, mtime]) ?? false
        }
    }

    /// Every file under `prefix` reported bad, as "path size mtime": what an import checks
    /// while its transaction is open, when it cannot ask the store.
    public func reportedFiles(under prefix: String) throws -> Set<String> {
        try read { db in
            Set(try Row.fetchAll(db, sql: "SELECT path, size, mtime FROM bad_file WHERE substr(path, 1, length(?1)) = ?1",
                                 arguments: [prefix]).map { row -> String in
                Self.reportedKey(path: row[0], size: row[1], mtime: row[2])
            })
        }
    }

    public static func reportedKey(path: String, size: Int64, mtime: Int64) -> String { "\(path) \(size) \(mtime)" }

    public func recordBadFile(path: String, size: Int64, mtime: Int64, reason: String) throws {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO bad_file (path, size, mtime, reason) VALUES (?, ?, ?, ?)",
                           arguments: [path, size, mtime, reason])
        }
    }
}

extension AppDatabase {
    /// Files reported bad and not fixed since.
    public func badFileCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM bad_file") ?? 0 }
    }
}
