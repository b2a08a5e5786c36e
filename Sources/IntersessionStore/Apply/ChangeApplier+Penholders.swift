import Foundation
import GRDB
import IntersessionCore

/// Penholders as the applier keeps them: additions from a seq and removals after a seq, turned
/// into a `Tenure` per penholder by the core, and its spans written to `penholder_interval`.
extension ChangeApplier {
    func isPenholder(_ feed: FeedID, of draft: EntityID, atSeq seq: Int64) throws -> Bool {
        if let known { return known.pens[draft]?[feed]?.holds(at: seq) ?? false }
        return try penholderTenures(of: draft)[feed]?.holds(at: seq) ?? false
    }

    func penholderTenures(of draft: EntityID) throws -> [FeedID: Tenure] {
        if let cached = penCache[draft] { return cached }
        var tenures: [FeedID: Tenure] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT f.key, g.from_seq FROM penholder_grant g JOIN feed f ON f.id = g.feed WHERE g.draft = ?
            """, arguments: [draft.hex]) {
            if let feed = FeedID(bytes: Array(row[0] as Data)) { tenures[feed, default: Tenure()].start(from: row[1]) }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT f.key, e.last_seq FROM penholder_end e JOIN feed f ON f.id = e.feed WHERE e.draft = ?
            """, arguments: [draft.hex]) {
            if let feed = FeedID(bytes: Array(row[0] as Data)) { tenures[feed, default: Tenure()].end(after: row[1]) }
        }
        penCache[draft] = tenures
        return tenures
    }

    /// Records a creation's or a `draft.penholders`' additions and removals.
    func recordPenholders(_ draft: EntityID, adding additions: [DraftPenholders.Addition],
                          removing removals: [DraftPenholders.Removal], change: SignedChange, author: Int64) throws {
        for addition in additions {
            let holder = try feedState(addition.feed)
            try db.execute(
                sql: "INSERT OR IGNORE INTO penholder_grant (draft, feed, from_seq, by_feed, by_seq) VALUES (?, ?, ?, ?, ?)",
                arguments: [draft.hex, holder.row, addition.fromSeq, author, change.seq])
            // Acts of the newcomer already refused for want of the pen must be judged again.
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM rejected_op WHERE feed = ? AND reason = ? AND seq >= ? LIMIT 1",
                                 arguments: [holder.row, RejectionReason.notPenholder.rawValue, addition.fromSeq]) ?? false {
                needsRebuild = true
            }
        }
        for removal in removals {
            let holder = try feedState(removal.feed)
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO penholder_end (draft, feed, last_seq, last_hash, by_feed, by_seq) VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [draft.hex, holder.row, removal.lastSeq, removal.lastHash?.bytes.blob, author, change.seq])
            // Acts of the removed penholder after `lastSeq` already counted, or were refused for
            // another reason (text they built on) while the pen was theirs: judge them again.
            if try actsOnDraft(draft, by: holder.row, after: removal.lastSeq) { needsRebuild = true }
        }
        penCache[draft] = nil
        for feed in Set(additions.map(\.feed) + removals.map(\.feed)) { try refreshPenholderIntervals(of: draft, feed: feed) }
    }

    private func actsOnDraft(_ draft: EntityID, by feed: Int64, after seq: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT 1 FROM draft_op WHERE draft = ?1 AND feed = ?2 AND seq > ?3
            UNION ALL SELECT 1 FROM audit a JOIN amendment m ON m.id = a.target WHERE m.draft = ?1 AND a.feed = ?2 AND a.seq > ?3
            UNION ALL SELECT 1 FROM rejected_op WHERE feed = ?2 AND seq > ?3 AND reason != ?4
            LIMIT 1
            """, arguments: [draft.hex, feed, seq, RejectionReason.notPenholder.rawValue]) ?? false
    }

    private func refreshPenholderIntervals(of draft: EntityID, feed: FeedID) throws {
        let row = try feedState(feed).row
        try db.execute(sql: "DELETE FROM penholder_interval WHERE draft = ? AND feed = ?", arguments: [draft.hex, row])
        for span in try penholderTenures(of: draft)[feed]?.intervals ?? [] {
            try db.execute(
                sql: "INSERT INTO penholder_interval (draft, feed, from_seq, through_seq) VALUES (?, ?, ?, ?)",
                arguments: [draft.hex, row, span.from, span.through])
        }
    }
}
