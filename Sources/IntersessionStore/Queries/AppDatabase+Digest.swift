import Foundation
import GRDB
import IntersessionCore

/// A fingerprint of the replicated state: equal on two replicas exactly when they hold the same
/// group state. Local row numbers and local-only tables (read marks, settings) are left out.
extension AppDatabase {
    public func stateDigest() throws -> String {
        try read { db in try Self.stateDigest(db) }
    }

    /// The digest as `db` sees it (inside a transaction, for a check that rolls back its rebuild).
    static func stateDigest(_ db: Database) throws -> String {
        var hasher = ContentHasher()
        for query in digestQueries + Schema.meetingDigestQueries + Schema.attachmentDigestQueries
            + Schema.recommendationDigestQueries + Schema.practiceDigestQueries + Schema.delegationCategoryDigestQueries {
            hasher.update(query)
            let rows = try Row.fetchCursor(db, sql: query)
            while let row = try rows.next() {
                for value in row.databaseValues {
                    hasher.update("\(value.storage)")
                    hasher.update([0x1F])
                }
                hasher.update([0x1E])
            }
        }
        return hasher.finalizeHex()
    }

    static let digestQueries = [
        "SELECT hex(id), title_en, title_fr, (SELECT hex FROM feed WHERE id = founder), created_ms FROM group_info",
        "SELECT f.hex, m.name, m.org, m.lang, m.stamp_ms, m.stamp_c, m.stamp_seq FROM member m JOIN feed f ON f.id = m.feed ORDER BY f.hex",
        """
        SELECT f.hex, g.role, g.from_seq, b.hex, g.granted_seq, g.via_invite, g.until_ms FROM role_grant g JOIN feed f ON f.id = g.feed
        JOIN feed b ON b.id = g.granted_by ORDER BY 1, 2, 3, 4, 5
        """,
        "SELECT i.id, hex(i.key), i.role, i.name, i.org, i.expires, f.hex, i.seq FROM invite i JOIN feed f ON f.id = i.author ORDER BY i.id",
        "SELECT invite, feed_hex, seq, stamp_ms, stamp_c FROM invite_redemption ORDER BY 1, 2",
        "SELECT t.id, t.key, t.title_en, t.title_fr, t.ord, f.hex, t.seq FROM topic t JOIN feed f ON f.id = t.author ORDER BY t.id",
        """
        SELECT h.id, h.topic, h.title, f.hex, h.seq, h.created_ms, h.created_c, h.last_ms, h.last_c, h.post_count, h.retracted_count
        FROM thread h JOIN feed f ON f.id = h.author ORDER BY h.id
        """,
        """
        SELECT p.id, p.thread, p.parent, f.hex, p.seq, p.op_index, p.created_ms, p.created_c, p.lang, p.quote, p.body,
               p.body_ms, p.body_c, p.body_seq, p.edit_count, p.retracted FROM post p JOIN feed f ON f.id = p.author ORDER BY p.id
        """,
        "SELECT post, seq, hlc_ms, hlc_c, body FROM post_version ORDER BY 1, 2, 3, 4",
        "SELECT id, hidden_reason, mark FROM post ORDER BY id",
        "SELECT p.id, p.kind, p.title, p.text, p.options, p.electorate, p.unit, p.deadline, p.hidden, p.majority, f.hex, p.seq, p.seat FROM poll p JOIN feed f ON f.id = p.author ORDER BY p.id",
        """
        SELECT n.id, n.poll, e.hex, f.hex, n.seq, n.hlc_ms, n.hlc_c, n.accepted_seq FROM nomination n
        JOIN feed e ON e.id = n.nominee JOIN feed f ON f.id = n.feed ORDER BY n.id
        """,
        "SELECT b.poll, f.hex, b.seq, b.hlc_ms, b.hlc_c, b.choice FROM ballot b JOIN feed f ON f.id = b.feed ORDER BY 1, 2, 3",
        "SELECT c.poll, f.hex, c.seq, c.hlc_ms, c.hlc_c, c.frontier FROM poll_close c JOIN feed f ON f.id = c.feed ORDER BY 1, 2, 3",
        "SELECT id, pinned, lock_frontier, topic, title FROM thread ORDER BY id",
        // The text, not the CRDT's bytes: how runs are split depends on the order of arrival.
        "SELECT d.id, d.title, d.topic, d.lang, d.symbol, d.translation_of, f.hex, d.seq, d.text FROM draft d JOIN feed f ON f.id = d.author ORDER BY d.id",
        "SELECT o.draft, f.hex, o.seq, o.op_index, o.kind FROM draft_op o JOIN feed f ON f.id = o.feed ORDER BY 1, 2, 3, 4",
        "SELECT p.draft, f.hex, p.seq, p.penholders FROM draft_penholders p JOIN feed f ON f.id = p.feed ORDER BY 1, 2, 3",
        "SELECT v.draft, f.hex, v.seq, v.name, v.heads FROM draft_version v JOIN feed f ON f.id = v.feed ORDER BY 1, 2, 3",
        "SELECT a.id, a.draft, f.hex, a.seq, a.kind, a.from_anchor, a.to_anchor, a.text, a.rationale FROM amendment a JOIN feed f ON f.id = a.feed ORDER BY 1",
        "SELECT thread, draft, anchor FROM draft_comment ORDER BY 1",
        "SELECT p.amendment, f.hex, p.supports, p.reason, p.seq FROM amendment_position p JOIN feed f ON f.id = p.feed ORDER BY 1, 2",
        "SELECT entity, name, value, stamp_ms, stamp_c, stamp_author, stamp_seq FROM register ORDER BY 1, 2",
        """
        SELECT f.hex, r.role, r.last_seq, b.hex, r.revoked_seq FROM role_revocation r JOIN feed f ON f.id = r.feed
        JOIN feed b ON b.id = r.revoked_by ORDER BY 1, 2, 3, 4, 5
        """,
        "SELECT f.hex, a.seq, a.op_index, a.hlc_ms, a.action, a.target, a.detail FROM audit a JOIN feed f ON f.id = a.feed ORDER BY 1, 2, 3",
        "SELECT f.hex, r.seq, r.op_index, r.reason FROM rejected_op r JOIN feed f ON f.id = r.feed ORDER BY 1, 2, 3",
        "SELECT f.hex, f.head_seq, hex(f.head_hash), f.frozen_from FROM feed f WHERE f.head_seq > 0 OR f.frozen_from IS NOT NULL ORDER BY f.hex",
        // What the core decided of authority, as the applier stored it.
        "SELECT f.hex, i.role, i.from_seq, i.through_seq, i.until_ms FROM role_interval i JOIN feed f ON f.id = i.feed ORDER BY 1, 2, 3",
        "SELECT s.invite, f.hex, s.redeemers, s.cancelled FROM invite_seat s LEFT JOIN feed f ON f.id = s.seated ORDER BY 1",
        "SELECT c.invite, b.hex, c.by_seq, c.seen FROM invite_cancel c JOIN feed b ON b.id = c.by_feed ORDER BY 1, 2, 3",
        "SELECT g.draft, f.hex, g.from_seq, b.hex, g.by_seq FROM penholder_grant g JOIN feed f ON f.id = g.feed JOIN feed b ON b.id = g.by_feed ORDER BY 1, 2, 3, 4, 5",
        """
        SELECT e.draft, f.hex, e.last_seq, hex(e.last_hash), b.hex, e.by_seq FROM penholder_end e JOIN feed f ON f.id = e.feed
        JOIN feed b ON b.id = e.by_feed ORDER BY 1, 2, 3, 5, 6
        """,
        "SELECT p.draft, f.hex, p.from_seq, p.through_seq FROM penholder_interval p JOIN feed f ON f.id = p.feed ORDER BY 1, 2, 3",
    ]
}
