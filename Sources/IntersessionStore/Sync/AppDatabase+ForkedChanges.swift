import Foundation
import GRDB
import IntersessionCore

/// A forked feed's changes from its fork point on, which no longer count anywhere: what this
/// replica logged (on the person's own device, what they signed there) and the other variants
/// kept as evidence. The person posts again what they still mean, under their new key.
public struct ForkedChanges: Sendable, Equatable {
    public var feed: FeedID
    public var frozenFrom: Int64
    public var logged: [SignedChange]
    public var evidence: [SignedChange]
}

extension AppDatabase {
    public func forkedChanges(of feed: FeedID) throws -> ForkedChanges? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, frozen_from FROM feed WHERE key = ?", arguments: [feed.bytes.blob]),
                let from: Int64 = row[1]
            else { return nil }
            let id: Int64 = row[0]
            let logged = try Self.signedChanges(db, sql: "SELECT hash, body, sig FROM change WHERE feed = ? AND seq >= ? ORDER BY seq",
                                                [id, from])
            let evidence = try Self.signedChanges(db, sql: """
                SELECT hash, body, sig FROM refused_change WHERE feed = ? AND seq >= ? AND reason LIKE 'fork%' ORDER BY seq
                """, [id, from])
            return ForkedChanges(feed: feed, frozenFrom: from, logged: logged, evidence: evidence)
        }
    }

    private static func signedChanges(_ db: Database, sql: String, _ arguments: StatementArguments) throws -> [SignedChange] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
            guard let hash = ChangeHash(bytes: Array(row[0] as Data)) else { return nil }
            return try? SignedChange(trustedBytes: Array(row[1] as Data), hash: hash, signature: Array(row[2] as Data))
        }
    }
}
