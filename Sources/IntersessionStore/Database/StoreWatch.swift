import Foundation
import GRDB

/// Tells whether another connection (another process: a `post` from the command line, a
/// `sync`) committed to the store since it last looked. GRDB's observations see only the
/// writes of their own connection, so this asks SQLite's `PRAGMA data_version`, on a
/// read-only connection of its own: one pragma, cheap enough for every tick of the interface.
public final class StoreWatch: @unchecked Sendable {
    private let connection: DatabaseQueue
    private let lock = NSLock()
    private var seen: Int64?

    /// Nil for a store that is not a file (in memory): no other process can write to it.
    public init?(store: AppDatabase) {
        guard store.path != ":memory:" else { return nil }
        var config = AppDatabase.configuration()
        config.readonly = true
        guard let connection = try? DatabaseQueue(path: store.path, configuration: config) else { return nil }
        self.connection = connection
        seen = try? Self.version(connection)
    }

    /// True when the store changed since the last call (or since the watch began). A store
    /// that cannot be read just now (locked, being replaced) counts as unchanged.
    public func changed() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard let version = try? Self.version(connection) else { return false }
        defer { seen = version }
        return seen != nil && seen != version
    }

    private static func version(_ connection: DatabaseQueue) throws -> Int64 {
        try connection.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
