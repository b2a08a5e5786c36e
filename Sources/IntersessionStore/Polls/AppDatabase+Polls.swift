import Foundation
import GRDB
import IntersessionCore

extension AppDatabase {
    public func polls() throws -> [PollSummary] {
        try read { db in try polls(db) }
    }

    /// A poll and, unless hidden until its close, its result: exactly the ballots inside the
    /// frontier of the close with the least stamp count, each voter's latest, and for a poll by
    /// delegation each delegation's latest.
    public func poll(_ id: String) throws -> PollDetail {
        try read { db in
            guard let poll = try PollJSON.poll(db, id: id), let summary = try polls(db).first(where: { $0.id == id }) else {
                throw StoreError.notFound(kind: "poll", prefix: id)
            }
            let author = try String.fetchOne(db, sql: "SELECT f.hex FROM poll p JOIN feed f ON f.id = p.author WHERE p.id = ?", arguments: [id]) ?? ""
            let close = try Row.fetchOne(db, sql: """
                SELECT f.hex, c.frontier, c.hlc_ms FROM poll_close c JOIN feed f ON f.id = c.feed WHERE c.poll = ?
                ORDER BY c.hlc_ms, c.hlc_c, f.hex, c.seq LIMIT 1
                """, arguments: [id])
            let frontier: [String: Int64]? = close.map { PollJSON.frontier($0[1]) }
            var ballots: [DelegationBallots.Ballot<String>] = []
            var names: [FeedID: String] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT f.key, f.hex, b.seq, b.hlc_ms, b.hlc_c, b.choice, coalesce(m.org, f.hex), coalesce(m.name, substr(f.hex, 1, 8))
                FROM ballot b JOIN feed f ON f.id = b.feed LEFT JOIN member m ON m.feed = b.feed WHERE b.poll = ?
                """, arguments: [id]) {
                guard let feed = FeedID(bytes: Array(row[0] as Data)) else { continue }
                let seq: Int64 = row[2]
                if let frontier, seq > (frontier[row[1] as String] ?? 0) { continue }
                names[feed] = row[7]
                ballots.append(.init(voter: feed, delegation: row[6], stamp: ChangeStamp(hlc: HLC(millis: row[3], counter: row[4]), author: feed, seq: seq),
                                     choice: row[5]))
            }
            let resolved = DelegationBallots.resolve(ballots, perDelegation: poll.unit == .delegation)
            let visible = !poll.hiddenUntilClose || close != nil
            let candidates = poll.kind == .election ? try Self.candidates(db, poll: id, frontier: frontier) : []
            let result = visible ? PollTally.result(poll, resolved.counted, names: names, candidates: candidates.filter(\.accepted)) : nil
            var detail = PollDetail(
                summary: summary, text: poll.text, options: poll.options, electorate: poll.electorate.map(\.rawValue),
                unit: poll.unit.rawValue, majority: poll.majority.rawValue, hiddenUntilClose: poll.hiddenUntilClose, author: author,
                closedBy: close.map { $0[0] as String }, voterNames: Set(ballots.map(\.voter)).compactMap { names[$0] }.sorted(),
                conflictingDelegations: resolved.conflicting.sorted(),
                result: result,
                outcome: try String.fetchOne(db, sql: "SELECT value FROM register WHERE entity = ? AND name = 'poll.outcome'", arguments: [id]))
            if let seat = poll.seat {
                detail.seat = seat.rawValue
                detail.candidates = candidates
                detail.eligible = try Self.eligible(db, seat: seat)
                if let close, let elected = result?.elected {
                    detail.cochairGrantDue = try Self.cochairGrantDue(db, elected: elected, closedAt: close[2])
                }
            }
            return detail
        }
    }

    func polls(_ db: Database) throws -> [PollSummary] {
        try Row.fetchAll(db, sql: """
            SELECT p.id, p.kind, p.title, p.deadline, EXISTS (SELECT 1 FROM poll_close c WHERE c.poll = p.id),
                   (SELECT count(DISTINCT feed) FROM ballot b WHERE b.poll = p.id)
            FROM poll p ORDER BY p.created_ms DESC, p.id
            """).map { PollSummary(id: $0[0], kind: $0[1], title: $0[2], deadline: $0[3], closed: $0[4], voters: $0[5]) }
    }
}
