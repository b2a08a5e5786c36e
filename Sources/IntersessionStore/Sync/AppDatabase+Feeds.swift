import Foundation
import GRDB
import IntersessionCore

/// How far this store holds each feed.
public struct FeedProgress: Sendable, Equatable {
    /// Every change up to this seq is applied.
    public var head: Int64
    /// The highest seq logged, pending ones included.
    public var logged: Int64
    public var frozenFrom: Int64?
}

/// What the sync layer reads from the log: feed progress, and changes as signed bytes.
extension AppDatabase {
    public func feedProgress() throws -> [FeedID: FeedProgress] {
        try read { db in
            // Read straight from the statement: a sync with nothing new asks several times.
            var progress: [FeedID: FeedProgress] = [:]
            try db.eachRawRow("""
                SELECT f.key, f.head_seq, coalesce((SELECT max(seq) FROM change c WHERE c.feed = f.id), 0), f.frozen_from
                FROM feed f
                """, []) { row in
                if let feed = FeedID(bytes: row.bytes(0)) {
                    progress[feed] = FeedProgress(head: row.int64(1), logged: row.int64(2), frozenFrom: row.optionalInt64(3))
                }
            }
            return progress
        }
    }

    /// The changes of `feed` with seqs in `range`, as logged.
    public func changes(of feed: FeedID, in range: ClosedRange<Int64>) throws -> [SignedChange] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.hash, c.body, c.sig FROM change c JOIN feed f ON f.id = c.feed
                WHERE f.key = ? AND c.seq BETWEEN ? AND ? ORDER BY c.seq
                """, arguments: [feed.bytes.blob, range.lowerBound, range.upperBound]).map { row in
                guard let hash = ChangeHash(bytes: Array(row[0] as Data)) else { throw StoreError.malformedLog }
                return try SignedChange(trustedBytes: Array(row[1] as Data), hash: hash, signature: Array(row[2] as Data))
            }
        }
    }

    /// The group's genesis change, which a shared folder's GROUP file holds.
    public func genesis() throws -> SignedChange? {
        guard let group = try groupID(), let (bytes, signature) = try genesisBytes(group) else { return nil }
        return try SignedChange(trustedBytes: bytes, hash: group, signature: signature)
    }

    /// The genesis change's signed bytes and signature, undecoded: what the names of a sealed
    /// folder are derived from.
    public func genesisBytes() throws -> (bytes: [UInt8], signature: [UInt8])? {
        guard let group = try groupID() else { return nil }
        return try genesisBytes(group)
    }

    private func genesisBytes(_ group: ChangeHash) throws -> (bytes: [UInt8], signature: [UInt8])? {
        try read { db in
            var found: (bytes: [UInt8], signature: [UInt8])?
            // LIMIT 1: no index on the hash, and the genesis is the first row; a second step would scan the log.
            try db.eachRawRow("SELECT body, sig FROM change WHERE hash = ? LIMIT 1", [.blob(group.bytes)]) { row in
                found = (row.bytes(0), row.bytes(1))
            }
            return found
        }
    }
}

extension AppDatabase {
    /// Changes logged but waiting for a dependency (not counting a frozen feed's, nor a removed
    /// member's changes set aside as evidence).
    public func pendingCount() throws -> Int {
        try read { db in
            // One index range per feed: a join would scan the whole log.
            try Int.fetchOne(db, sql: """
                SELECT coalesce(sum((SELECT count(*) FROM change c WHERE c.feed = f.id AND c.seq > f.head_seq
                                     AND (f.frozen_from IS NULL OR c.seq < f.frozen_from)
                                     AND NOT EXISTS (SELECT 1 FROM set_aside_change s WHERE s.feed = c.feed AND s.seq = c.seq))), 0)
                FROM feed f
                """) ?? 0
        }
    }
}

extension AppDatabase {
    /// The second changes of a forked feed, kept as evidence, so that a relay can show every
    /// other replica the fork (then each freezes the feed the same way).
    public func forkEvidence(of feed: FeedID) throws -> [SignedChange] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.hash, r.body, r.sig FROM refused_change r JOIN feed f ON f.id = r.feed
                WHERE f.key = ? AND r.reason LIKE 'fork%' ORDER BY r.seq
                """, arguments: [feed.bytes.blob]).compactMap { row in
                guard let hash = ChangeHash(bytes: Array(row[0] as Data)) else { return nil }
                return try? SignedChange(trustedBytes: Array(row[1] as Data), hash: hash, signature: Array(row[2] as Data))
            }
        }
    }
}

extension AppDatabase {
    /// Each feed's seq as far as this replica has applied it: what a lock or a close records,
    /// so that exactly what its author had seen counts.
    public func frontier() throws -> [FeedID: Int64] {
        try feedProgress().filter { $0.value.head > 0 }.mapValues(\.head)
    }
}
