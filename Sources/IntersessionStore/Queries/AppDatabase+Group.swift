import Foundation
import GRDB
import IntersessionCore

extension AppDatabase {
    public func groupSummary() throws -> GroupSummary {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT g.id, g.title_en, g.title_fr, f.hex,
                       (SELECT count(*) FROM member), (SELECT count(*) FROM change),
                       (SELECT coalesce(sum((SELECT count(*) FROM change c WHERE c.feed = e.id AND c.seq > e.head_seq
                                             AND (e.frozen_from IS NULL OR c.seq < e.frozen_from))), 0) FROM feed e)
                FROM group_info g JOIN feed f ON f.id = g.founder
                """)
            else { throw StoreError.noGroup }
            return GroupSummary(
                id: Hex.encode(row[0] as Data), titleEnglish: row[1], titleFrench: row[2], founder: row[3],
                members: row[4], changes: row[5], pending: row[6])
        }
    }

    /// Everyone with a profile or a role, by delegation then name.
    public func members() throws -> [MemberSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.hex, m.name, m.org, m.lang,
                       (SELECT group_concat(DISTINCT g.role) FROM role_grant g WHERE g.feed = f.id
                          AND NOT EXISTS (SELECT 1 FROM role_revocation v WHERE v.feed = g.feed
                                          AND (v.role = g.role OR v.role IS NULL) AND v.last_seq >= g.from_seq - 1)),
                       (SELECT max(hlc_ms) FROM change c WHERE c.feed = f.id), f.head_seq, f.frozen_from,
                       (SELECT group_concat(g.role || ':' || g.until_ms) FROM role_grant g WHERE g.feed = f.id AND g.until_ms IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM role_revocation v WHERE v.feed = g.feed
                                          AND (v.role = g.role OR v.role IS NULL) AND v.last_seq >= g.from_seq - 1))
                FROM feed f LEFT JOIN member m ON m.feed = f.id
                WHERE m.feed IS NOT NULL OR f.frozen_from IS NOT NULL OR f.id IN (SELECT feed FROM role_grant)
                ORDER BY m.org, m.name, f.hex
                """).map { row in
                let roles = (row[4] as String?)?.split(separator: ",").map(String.init).sorted() ?? []
                return MemberSummary(
                    feed: row[0], name: row[1], organisation: row[2], language: row[3], roles: roles,
                    lastSeen: row[5], changes: row[6], frozenFrom: row[7], terms: Self.terms(row[8]))
            }
        }
    }
}

extension AppDatabase {
    /// "role:until,…" to the latest end of each role's term.
    static func terms(_ text: String?) -> [String: Int64] {
        var terms: [String: Int64] = [:]
        for entry in (text ?? "").split(separator: ",") {
            let parts = entry.split(separator: ":")
            guard parts.count == 2, let until = Int64(parts[1]) else { continue }
            terms[String(parts[0])] = max(terms[String(parts[0])] ?? .min, until)
        }
        return terms
    }

    /// The local row number of each feed (for tools that write rows directly, like the benchmark).
    public func feedRowIDs() throws -> [FeedID: Int64] {
        try read { db in
            var rows: [FeedID: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, id FROM feed") {
                if let feed = FeedID(bytes: Array(row[0] as Data)) { rows[feed] = row[1] }
            }
            return rows
        }
    }
}
