import Foundation
import GRDB
import IntersessionCore

extension AppDatabase {
    /// The candidates of an election, one per nominee, in order of their earliest nomination.
    /// With a frontier (a closed poll), only nominations and acceptances inside it count.
    static func candidates(_ db: Database, poll: String, frontier: [String: Int64]?) throws -> [Candidate] {
        var byNominee: [String: Candidate] = [:]
        var order: [String] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT e.hex, coalesce(m.name, substr(e.hex, 1, 8)), m.org, n.id, coalesce(b.name, substr(f.hex, 1, 8)), f.hex, n.seq,
                   n.accepted_seq
            FROM nomination n JOIN feed e ON e.id = n.nominee JOIN feed f ON f.id = n.feed
            LEFT JOIN member m ON m.feed = n.nominee LEFT JOIN member b ON b.feed = n.feed
            WHERE n.poll = ? ORDER BY n.hlc_ms, n.hlc_c, f.hex, n.seq
            """, arguments: [poll]) {
            let nominee: String = row[0], nominator: String = row[5], seq: Int64 = row[6], acceptedSeq: Int64? = row[7]
            if let frontier, seq > (frontier[nominator] ?? 0) { continue }
            let accepted = acceptedSeq.map { accepted in frontier.map { accepted <= ($0[nominee] ?? 0) } ?? true } ?? false
            let candidate = Candidate(feed: nominee, name: row[1], organisation: row[2], nomination: row[3], nominatedBy: row[4],
                                      accepted: accepted)
            if let known = byNominee[nominee] {
                if !known.accepted, accepted { byNominee[nominee] = candidate }
            } else {
                byNominee[nominee] = candidate
                order.append(nominee)
            }
        }
        return order.compactMap { byNominee[$0] }
    }

    /// Those holding the seat's role now (an open span in `role_interval`), who could be nominated.
    static func eligible(_ db: Database, seat: Seat) throws -> [Candidate] {
        try Row.fetchAll(db, sql: """
            SELECT f.hex, coalesce(m.name, substr(f.hex, 1, 8)), m.org FROM feed f LEFT JOIN member m ON m.feed = f.id
            WHERE EXISTS (SELECT 1 FROM role_interval i WHERE i.feed = f.id AND i.role = ? AND i.through_seq IS NULL)
            ORDER BY m.org, m.name, f.hex
            """, arguments: [seat.candidateRole.rawValue]).map {
            Candidate(feed: $0[0], name: $0[1], organisation: $0[2], nomination: "", nominatedBy: "", accepted: false)
        }
    }

    /// The one elected, until a `cochair` grant to them is signed after the close.
    static func cochairGrantDue(_ db: Database, elected: String, closedAt: Int64) throws -> String? {
        let granted = try Bool.fetchOne(db, sql: """
            SELECT 1 FROM role_grant g JOIN feed f ON f.id = g.feed WHERE f.hex = ? AND g.role = 'cochair' AND g.granted_ms >= ?
            """, arguments: [elected, closedAt]) ?? false
        return granted ? nil : elected
    }
}

extension AppDatabase {
    /// The names of those elected co-chair whom no grant after the close has made co-chair yet.
    public func electionsAwaitingGrant() throws -> [String] {
        let closed = try read { db in
            try String.fetchAll(db, sql: "SELECT p.id FROM poll p WHERE p.kind = 'election' AND EXISTS (SELECT 1 FROM poll_close c WHERE c.poll = p.id)")
        }
        return try closed.compactMap { id in
            let detail = try poll(id)
            guard detail.cochairGrantDue != nil else { return nil }
            return detail.result?.winners.first
        }
    }
}
