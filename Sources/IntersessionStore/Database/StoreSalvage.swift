import Foundation
import GRDB
import IntersessionCore

/// What can still be read from a damaged store before it is moved aside, each fact on its own
/// (a damaged page loses one table, not the others), and the moving aside itself.
public enum StoreSalvage {
    /// A local setting (the remembered folders), if its page can still be read.
    public static func setting(_ key: String, path: String) -> String? {
        try? read(path) { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) } ?? nil
    }

    /// The highest seq of `feed` the store logged: how many of the profile's own changes it claimed.
    public static func loggedHead(of feed: FeedID, path: String) -> Int64? {
        try? read(path) { db in
            try Int64.fetchOne(db, sql: "SELECT max(c.seq) FROM change c JOIN feed f ON f.id = c.feed WHERE f.key = ?",
                               arguments: [feed.bytes.blob])
        } ?? nil
    }

    /// The changes of `feed` the damaged store logged after `seq`, in order, up to the first gap
    /// or the first row that does not read back to its recorded hash. Not verified otherwise:
    /// the caller checks their chain and signatures as an import does.
    public static func loggedChanges(of feed: FeedID, after seq: Int64, path: String) -> [SignedChange] {
        var changes: [SignedChange] = []
        _ = try? read(path) { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.seq, c.hash, c.body, c.sig FROM change c JOIN feed f ON f.id = c.feed
                WHERE f.key = ? AND c.seq > ? ORDER BY c.seq
                """, arguments: [feed.bytes.blob, seq])
            while let row = try rows.next() {
                guard row[0] as Int64 == seq + Int64(changes.count) + 1,
                    let change = try? SignedChange(bytes: Array(row[2] as Data), signature: Array(row[3] as Data)),
                    change.hash.bytes == Array(row[1] as Data)
                else { break }
                changes.append(change)
            }
        }
        return changes
    }

    public static func groupID(path: String) -> GroupID? {
        try? read(path) { db in try Meta.groupID(db) } ?? nil
    }

    /// The group's genesis change, when its row still reads back to the group id: what a sealed
    /// group's folder names and GROUP file are derived from. Verified by its hash alone (the
    /// group id is that hash) and its signature, which a sealed group's names are derived from.
    public static func genesis(path: String) -> SignedChange? {
        try? read(path) { db -> SignedChange? in
            guard let group = try Meta.groupID(db),
                let row = try Row.fetchOne(db, sql: "SELECT body, sig FROM change WHERE hash = ?", arguments: [group.bytes.blob]),
                let change = try? SignedChange(bytes: Array(row[0] as Data), signature: Array(row[1] as Data)),
                change.hash == group, change.body.isGenesis, change.verifySignature()
            else { return nil }
            return change
        } ?? nil
    }

    /// The invite secrets the store kept (a sealed group's epochs wrapped for an invite key are
    /// opened with them), if their page can still be read. A damaged seed derives a key that
    /// opens nothing, so they need no other check.
    public static func inviteSecrets(path: String) -> [[UInt8]] {
        (try? read(path) { db in try Data.fetchAll(db, sql: "SELECT seed FROM invite_secret").map(Array.init) }) ?? []
    }

    /// Renames the store and its WAL files to `<store>.damaged-<UTC time>` (never deletes them),
    /// and returns the new name of the store.
    public static func moveAside(path: String, at date: Date) throws -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        var target = path + ".damaged-" + formatter.string(from: date)
        var attempt = 1
        while FileManager.default.fileExists(atPath: target) {
            attempt += 1
            target = path + ".damaged-" + formatter.string(from: date) + "-\(attempt)"
        }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            do {
                try FileManager.default.moveItem(atPath: path + suffix, toPath: target + suffix)
            } catch {
                throw ProfileError.cannotWrite(target + suffix, error.localizedDescription)
            }
        }
        return target
    }

    private static func read<T>(_ path: String, _ work: (Database) throws -> T) throws -> T {
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: path, configuration: config).read(work)
    }
}
