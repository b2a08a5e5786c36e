import Foundation
import GRDB
import IntersessionCore

extension AppDatabase {
    /// Each feed's last applied change, by seq and hash: the frontier a close records, so that
    /// exactly what its author had seen counts (DESIGN §6).
    public func feedHeads() throws -> [FeedID: FeedHead] {
        try read { db in
            var heads: [FeedID: FeedHead] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, head_seq, head_hash FROM feed WHERE head_seq > 0") {
                guard let feed = FeedID(bytes: Array(row[0] as Data)), let hash = ChangeHash(bytes: Array(row[2] as Data)) else { continue }
                heads[feed] = FeedHead(seq: row[1], hash: hash)
            }
            return heads
        }
    }

    /// For each feed (by hex), the highest seq whose entries a close with `frontier` takes in
    /// on this replica; a feed not listed counts nothing.
    static func countedThrough(_ db: Database, frontier: [FeedID: FeedHead]) throws -> [String: Int64] {
        let logged = try db.cachedStatement(sql: """
            SELECT f.frozen_from, (SELECT c.hash FROM change c WHERE c.feed = f.id AND c.seq = ?) FROM feed f WHERE f.key = ?
            """)
        var through: [String: Int64] = [:]
        for (feed, head) in frontier {
            let row = try Row.fetchOne(logged, arguments: [head.seq, feed.bytes.blob])
            let hash = (row?[1] as Data?).flatMap { ChangeHash(bytes: Array($0)) }
            through[feed.hex] = CloseFrontier.countedThrough(head, loggedHash: hash, frozenFrom: row?[0])
        }
        return through
    }
}
