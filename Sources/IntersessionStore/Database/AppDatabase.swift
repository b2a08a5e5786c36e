import Foundation
import GRDB
import IntersessionCore

/// The local store of one profile. It owns the database connection; every write is one named
/// method running one transaction, so the state is always consistent with the log.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Where the store lives, for messages.
    public let path: String

    /// Opens the store of an existing profile. A file that is empty or not an Intersession store
    /// is refused, never reinitialised: it may be someone's data.
    ///
    /// `readOnly` opens without taking the write lock at any point, so that reading works while
    /// another process writes (opening a pool for writing touches the WAL file).
    ///
    /// `oneConnection` opens one connection for reading and writing, for a process that does
    /// one thing at a time (a command): a pool's reader connection costs it a second open and
    /// a second reading of the schema (issue 14). The store stays in WAL mode either way.
    public static func open(path: String, readOnly: Bool = false, oneConnection: Bool = false) throws -> AppDatabase {
        try StoreError.wrap(path: path) {
            guard StoreVersion.fileSize(path) > 0 else { throw StoreError.corrupt(path: path, detail: "the file is empty") }
            var config = configuration()
            config.readonly = readOnly
            let writer: any DatabaseWriter = readOnly || oneConnection
                ? try DatabaseQueue(path: path, configuration: config)
                : try DatabasePool(path: path, configuration: config)
            // On the connection that writes, so that a pool opens no reader connection for it.
            let version = try writer.writeWithoutTransaction(StoreVersion.read)
            guard version != .notAStore else { throw StoreError.corrupt(path: path, detail: "not an Intersession store") }
            if readOnly, version != .current { return try open(path: path, readOnly: false, oneConnection: oneConnection) }
            return try AppDatabase(writer: writer, path: path, version: version)
        }
    }

    /// Creates the store of a new profile; refuses a path where a file already is.
    public static func create(path: String) throws -> AppDatabase {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError.exists(path: path)
        }
        return try StoreError.wrap(path: path) {
            try AppDatabase(writer: DatabasePool(path: path, configuration: configuration()), path: path)
        }
    }

    /// An in-memory store with the same configuration, for tests and benchmarks.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(writer: DatabaseQueue(configuration: configuration()), path: ":memory:")
    }

    /// `version`: what `open` already read of the store, if it did.
    init(writer: any DatabaseWriter, path: String, version: StoreVersion? = nil) throws {
        self.writer = writer
        self.path = path
        try StoreError.wrap(path: path) {
            if writer.configuration.readonly { return }
            // GRDB sets synchronous=NORMAL with WAL; a secretariat must not lose a vote to a
            // power cut, so every commit is fsynced.
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            let current = try version ?? writer.writeWithoutTransaction(StoreVersion.read)
            guard current != .current else { return }
            try Schema.migrator.migrate(writer)
            // A migration may add tables derived from the log: derive them from the log it has.
            try writer.write { db in
                if try Meta.groupID(db) != nil { try ChangeApplier(db: db).rebuild() }
            }
        }
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(3)
        return config
    }

    func write<T>(_ work: (Database) throws -> T) throws -> T {
        try StoreError.wrap(path: path) { try writer.write(work) }
    }

    /// Logs and applies changes received from anywhere, in one transaction.
    @discardableResult
    public func apply(_ changes: [SignedChange]) throws -> ApplyReport {
        var pending: PendingChanges?
        return try apply(changes, carrying: &pending)
    }

    /// Logs and applies one batch of a larger import, in one transaction: `pending` comes in as
    /// the previous batch left what still waits (nil for the first) and goes out as this one
    /// leaves it, so that no batch reads the log's pending changes again.
    public func apply(_ changes: [SignedChange], carrying pending: inout PendingChanges?) throws -> ApplyReport {
        try apply(changes, carrying: &pending, heldWaitingLimit: nil)
    }

    /// `heldWaitingLimit`: how many waiting changes stay decoded in memory (tests set it low).
    func apply(_ changes: [SignedChange], carrying pending: inout PendingChanges?, heldWaitingLimit: Int?) throws -> ApplyReport {
        let carried = pending
        let (report, left) = try write { db in
            let applier = try ChangeApplier(db: db)
            if let heldWaitingLimit { applier.heldWaitingLimit = heldWaitingLimit }
            try applier.resume(from: carried)
            applier.report = ApplyReport()
            for change in changes { try applier.receive(change) }
            try applier.finish()
            return (applier.report, try applier.carriedPending())
        }
        pending = left
        return report
    }

    /// Logs and applies the changes `next` hands out, one at a time until it gives nil, in one
    /// transaction: an importer that decodes each change only when its turn comes. Whatever
    /// `next` throws rolls the whole transaction back and is thrown again.
    public func apply(drawing next: () throws -> SignedChange?, carrying pending: inout PendingChanges?) throws -> ApplyReport {
        let carried = pending
        let (report, left) = try write { db in
            let applier = try ChangeApplier(db: db)
            try applier.resume(from: carried)
            applier.report = ApplyReport()
            while let change = try next() { try applier.receive(change) }
            try applier.finish()
            return (applier.report, try applier.carriedPending())
        }
        pending = left
        return report
    }

    /// Compares changes read only as evidence (a sync tool's conflict copy of a segment) with
    /// the changes logged at their seqs: a validly signed different one is a fork, kept in
    /// `refused_change` and freezing its feed exactly as a received one would. Never logs or
    /// applies them.
    @discardableResult
    public func considerForkEvidence(_ changes: [SignedChange]) throws -> ApplyReport {
        try write { db in
            let applier = try ChangeApplier(db: db)
            try applier.resumePending()
            applier.report = ApplyReport()
            for change in changes { try applier.consider(evidence: change) }
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

extension AppDatabase {
    /// Closes the connections now (SQLite checkpoints the WAL and removes it, as at the end of
    /// any use); the store cannot be used after.
    public func close() throws {
        try StoreError.wrap(path: path) { try writer.close() }
    }
}
