import Foundation
import GRDB
import IntersessionCore

/// Moderation's last-writer-wins registers: the value with the greatest stamp (clock, author,
/// seq) wins whatever the order of arrival, and is mirrored into the post or thread.
extension ChangeApplier {
    func setRegister(_ entity: EntityID, _ register: Register, _ value: String?, _ stamp: ChangeStamp) throws {
        try db.execute(
            sql: """
                INSERT INTO register (entity, name, value, stamp_ms, stamp_c, stamp_author, stamp_seq) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (entity, name) DO UPDATE SET
                    value = excluded.value, stamp_ms = excluded.stamp_ms, stamp_c = excluded.stamp_c,
                    stamp_author = excluded.stamp_author, stamp_seq = excluded.stamp_seq
                WHERE (register.stamp_ms, register.stamp_c, register.stamp_author, register.stamp_seq)
                    < (excluded.stamp_ms, excluded.stamp_c, excluded.stamp_author, excluded.stamp_seq)
                """,
            arguments: [entity.hex, register.rawValue, value, stamp.hlc.millis, stamp.hlc.counter, stamp.author.hex, stamp.seq])
        guard db.changesCount > 0 else { return }
        switch register {
        case .hidden: try db.execute(sql: "UPDATE post SET hidden_reason = ? WHERE id = ?", arguments: [value, entity.hex])
        case .mark: try db.execute(sql: "UPDATE post SET mark = ? WHERE id = ?", arguments: [value, entity.hex])
        case .pinned: try db.execute(sql: "UPDATE thread SET pinned = ? WHERE id = ?", arguments: [value != nil, entity.hex])
        case .topic where value != nil:
            try flushPostCounts()
            try db.execute(sql: "UPDATE thread SET topic = ? WHERE id = ?", arguments: [value, entity.hex])
        case .title where value != nil: try db.execute(sql: "UPDATE thread SET title = ? WHERE id = ?", arguments: [value, entity.hex])
        case .topic, .title: break
        case .outcome, .draftStatus, .amendmentDecision: break
        case .admission: try reseat(entity)
        case .lock:
            try db.execute(sql: "UPDATE thread SET lock_frontier = ? WHERE id = ?", arguments: [value, entity.hex])
            lockFrontiers[entity] = nil
            // Replies already judged under the previous lock state may now count differently.
            let affected = value != nil
                ? try repliesOutsideFrontier(of: entity)
                : try Bool.fetchOne(db, sql: "SELECT 1 FROM rejected_op WHERE reason = ? LIMIT 1",
                                    arguments: [RejectionReason.threadLocked.rawValue]) ?? false
            if affected { needsRebuild = true }
        }
    }

    private func repliesOutsideFrontier(of thread: EntityID) throws -> Bool {
        guard let frontier = try lockFrontier(of: thread) else { return false }
        for row in try Row.fetchAll(db, sql: """
            SELECT f.key, p.seq FROM post p JOIN feed f ON f.id = p.author WHERE p.thread = ? AND p.parent IS NOT NULL
            """, arguments: [thread.hex]) {
            guard let feed = FeedID(bytes: Array(row[0] as Data)) else { continue }
            if (frontier[feed] ?? 0) < (row[1] as Int64) { return true }
        }
        return false
    }
}
