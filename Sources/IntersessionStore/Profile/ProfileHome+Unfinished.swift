import Foundation
import GRDB
import IntersessionCore

/// What an `init` or `join` killed before its first signed change leaves behind: a key that
/// signed nothing, and a store (or none) holding only what came from the invite and the
/// folders. Nothing there is the user's, so a new `init` or `join` starts again in that home
/// instead of refusing it as "a profile already exists" (the crash loop's first finding).
extension ProfileHome {
    /// Clears an unfinished profile: the key is moved aside to `identity.key.unfinished-<ms>`
    /// (a key is never deleted), the store removed. Returns false, touching nothing, when the
    /// home holds a profile that signed anything, or one whose key or store cannot be read
    /// (`repair` is for those).
    func clearUnfinished() -> Bool {
        guard let key = try? loadKey(), storeHoldsNothingOf(key.feed) else { return false }
        // The store goes first: killed in between, the key is left alone, still unfinished, where
        // the other order would leave a store without a key, which is refused as stray.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storeURL.path + suffix) }
        guard !FileManager.default.fileExists(atPath: storeURL.path) else { return false }
        let aside = folder.path + "/identity.key.unfinished-\(Int64(Date().timeIntervalSince1970 * 1000))"
        return rename(keyURL.path, aside) == 0
    }

    /// The store is missing, was killed before its tables were made, or holds no change
    /// signed by `feed`.
    private func storeHoldsNothingOf(_ feed: FeedID) -> Bool {
        guard FileManager.default.fileExists(atPath: storeURL.path) else { return true }
        guard let store = try? AppDatabase.open(path: storeURL.path, readOnly: true, oneConnection: true) else {
            return storeHasNoLog()
        }
        defer { try? store.close() }
        guard let own = try? store.changes(of: feed, in: 1...1) else { return false }
        return own.isEmpty
    }

    /// An SQLite file without the log's table and with no migration recorded: what a kill
    /// inside `createStore` leaves, before the migrations ran (the 500-kill crash loop's third
    /// finding) or between GRDB's commit of its empty `grdb_migrations` table and the first
    /// migration's (CI's, at seed 21112). Anything else that does not open, a damaged store
    /// above all, is not cleared.
    private func storeHasNoLog() -> Bool {
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: storeURL.path, configuration: configuration) else { return false }
        defer { try? queue.close() }
        return (try? queue.read { db in
            guard try !db.tableExists("change") else { return false }
            guard try db.tableExists("grdb_migrations") else { return true }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") == 0
        }) ?? false
    }
}
