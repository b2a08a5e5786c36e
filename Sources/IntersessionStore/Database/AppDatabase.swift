import Foundation
import GRDB
import IntersessionCore

/// The local store of one profile. It owns the database connection; every write is one named
/// method running one transaction, so the state is always consistent with the log.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Where the store lives, for messages.
    public let path: String

    /// Opens (creating if needed) the store at `path`, in WAL mode with full fsync on commit.
    public static func open(path: String) throws -> AppDatabase {
        try StoreError.wrap(path: path) {
            let pool = try DatabasePool(path: path, configuration: configuration())
            return try AppDatabase(writer: pool, path: path)
        }
    }

    /// An in-memory store with the same configuration, for tests and benchmarks.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(writer: DatabaseQueue(configuration: configuration()), path: ":memory:")
    }

    init(writer: any DatabaseWriter, path: String) throws {
        self.writer = writer
        self.path = path
        try StoreError.wrap(path: path) { try Schema.migrator.migrate(writer) }
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(3)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    func write<T>(_ work: (Database) throws -> T) throws -> T {
        try StoreError.wrap(path: path) { try writer.write(work) }
    }

    func read<T>(_ work: (Database) throws -> T) throws -> T {
        try StoreError.wrap(path: path) { try writer.read(work) }
    }

    /// Logs and applies changes received from anywhere, in one transaction.
    @discardableResult
    public func apply(_ changes: [SignedChange]) throws -> ApplyReport {
        try write { db in
            let applier = try ChangeApplier(db: db)
            try applier.resumePending()
            applier.report = ApplyReport()
            for change in changes { try applier.receive(change) }
            try applier.finish()
            return applier.report
        }
    }

    /// Recomputes every materialised table from the log alone.
    public func rebuild() throws {
        try write { db in
            let applier = try ChangeApplier(db: db)
            try applier.rebuild()
        }
    }

    public func groupID() throws -> GroupID? {
        try read { db in try Meta.groupID(db) }
    }
}
