import Foundation
import GRDB
import IntersessionCore

/// One line of the audit log: a moderation or membership act that counted, an attempt that
/// did not (with why), or a fork.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var time: Int64
    public var actor: String
    public var actorName: String?
    public var action: String
    public var target: String
    /// Who or what the target is, for people: a member's name or a thread's title.
    public var targetName: String?
    public var detail: String?
    public var counted: Bool
}

extension AppDatabase {
    public func auditLog() throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.hlc_ms, f.hex, m.name, a.action, a.target,
                       coalesce((SELECT tm.name FROM member tm JOIN feed tf ON tf.id = tm.feed WHERE tf.hex = a.target),
                                (SELECT title FROM thread WHERE id = a.target),
                                (SELECT h.title FROM post p JOIN thread h ON h.id = p.thread WHERE p.id = a.target),
                                (SELECT i.name FROM invite i WHERE i.id = a.target),
                                (SELECT title FROM poll WHERE id = a.target),
                                (SELECT symbol || ' ' || title FROM draft WHERE id = a.target),
                                (SELECT d.symbol || ' ' || d.title FROM amendment m JOIN draft d ON d.id = m.draft WHERE m.id = a.target),
                                (SELECT title FROM meeting WHERE id = a.target),
                                (SELECT coalesce(title_en, title_fr) FROM edition WHERE id = a.target),
                                (SELECT h.title FROM meeting_concern c JOIN thread h ON h.id = c.item WHERE c.id = a.target)),
                       coalesce((SELECT dm.name FROM member dm JOIN feed df ON df.id = dm.feed WHERE df.hex = a.detail), a.detail),
                       1, a.seq, a.op_index
                FROM audit a JOIN feed f ON f.id = a.feed LEFT JOIN member m ON m.feed = a.feed
                UNION ALL
                SELECT c.hlc_ms, f.hex, m.name, json_extract(c.body, '$.ops[' || r.op_index || '].t'), r.reason, NULL, NULL, 0,
                       r.seq, r.op_index
                FROM rejected_op r JOIN change c ON c.feed = r.feed AND c.seq = r.seq
                JOIN feed f ON f.id = r.feed LEFT JOIN member m ON m.feed = r.feed
                UNION ALL
                SELECT json_extract(r.body, '$.hlc[0]'), f.hex, m.name, 'fork', 'seq ' || r.seq, NULL, r.reason, 0, r.seq, 0
                FROM refused_change r JOIN feed f ON f.id = r.feed LEFT JOIN member m ON m.feed = r.feed
                ORDER BY 1, 3, 2, 9, 10
                """).map { row in
                AuditEntry(time: row[0], actor: row[1], actorName: row[2], action: row[3] ?? "?", target: row[4],
                           targetName: row[5], detail: row[6], counted: row[7])
            }
        }
    }

    /// Whether `feed` may moderate (co-chair or secretariat) at its next change.
    public func canModerate(_ feed: FeedID) throws -> Bool {
        try currentRoles(of: feed).contains(where: \.moderates)
    }
}
