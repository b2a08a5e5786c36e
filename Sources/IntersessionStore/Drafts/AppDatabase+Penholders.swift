import Foundation
import GRDB
import IntersessionCore

/// Who holds a draft's pen now, as the applier stored it (`penholder_interval`), and the op that
/// changes it.
extension AppDatabase {
    /// The penholders whose span is still open: their next edits count.
    public func penholders(ofDraft draft: EntityID) throws -> Set<FeedID> {
        try read { db in try Self.penholders(of: draft.hex, db) }
    }

    /// The `draft.penholders` op that makes `wanted` the penholders: newcomers count from the
    /// seq after the head this replica holds of them, and each one dropped keeps their changes
    /// up to that head (with its hash). The change should depend on those heads.
    public func penholderChange(draft: EntityID, to wanted: [FeedID]) throws -> (op: DraftPenholders, dependsOn: [FeedID: Int64]) {
        let current = try penholders(ofDraft: draft)
        let heads = try read { db in
            var heads: [FeedID: FeedHead] = [:]
            for feed in current.union(wanted) {
                guard let row = try Row.fetchOne(db, sql: "SELECT head_seq, head_hash FROM feed WHERE key = ?", arguments: [feed.bytes.blob]),
                    let hash = (row[1] as Data?).flatMap({ ChangeHash(bytes: Array($0)) })
                else { continue }
                heads[feed] = FeedHead(seq: row[0], hash: hash)
            }
            return heads
        }
        let op = DraftPenholders(draft: draft, from: current, to: wanted, heads: heads)
        let removed = Set(op.removals.map(\.feed))
        return (op, heads.filter { removed.contains($0.key) }.mapValues(\.seq))
    }

    static func penholders(of draft: String, _ db: Database) throws -> Set<FeedID> {
        Set(try Data.fetchAll(db, sql: """
            SELECT DISTINCT f.key FROM penholder_interval p JOIN feed f ON f.id = p.feed WHERE p.draft = ? AND p.through_seq IS NULL
            """, arguments: [draft]).compactMap { FeedID(bytes: Array($0)) })
    }
}
