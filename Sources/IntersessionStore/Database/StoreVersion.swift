import Foundation
import GRDB

/// What opening a store must know first: whether the file is an Intersession store, and whether
/// every migration has run. Two small counts on the connection just opened: GRDB's
/// `hasCompletedMigrations` reads every identifier into a `Set<String>`, and such a first
/// generic instance of a process costs a scan of every protocol conformance in a binary that
/// holds all of Foundation (issue 14, callgrind: about 0.6 M instructions of `whoami`'s start).
enum StoreVersion: Equatable {
    case notAStore
    /// A migration has not run yet (a store made by an earlier version).
    case behind
    case current

    static func read(_ db: Database) throws -> StoreVersion {
        let tables = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('grdb_migrations', 'change')
            """) ?? 0
        guard tables == 2 else { return .notAStore }
        let applied = try Int.fetchOne(db, sql: countApplied, arguments: StatementArguments(Schema.identifiers)) ?? 0
        return applied == Schema.identifiers.count ? .current : .behind
    }

    private static let countApplied = "SELECT count(*) FROM grdb_migrations WHERE identifier IN ("
        + Schema.identifiers.map { _ in "?" }.joined(separator: ", ") + ")"

    /// The size of the file at `path` itself (a link is not followed), 0 when there is none.
    static func fileSize(_ path: String) -> Int {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return Int(info.st_size)
    }
}
