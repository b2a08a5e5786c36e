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
            guard let poll = try PollJSON.poll(db, id: id), let summary = try polls(db, only: id).first else {
                throw StoreError.notFound(kind: "poll", prefix: id)
            }
            let author = try String.fetchOne(db, sql: "SELECT f.hex FROM poll p JOIN feed f ON f.id = p.author WHERE p.id = ?", arguments: [id]) ?? ""
            let counted = try CountedBallots.load(db, poll: id, unit: poll.unit)
            let close = counted.close
            let visible = !poll.hiddenUntilClose || close != nil
            let candidates = poll.kind == .election ? try Self.candidates(db, poll: id, frontier: close?.through) : []
            let result = visible ? PollTally.result(poll, counted.counted, names: counted.names, candidates: candidates.filter(\.accepted)) : nil
            var detail = PollDetail(
                summary: summary, text: poll.text, options: poll.options, electorate: poll.electorate.map(\.rawValue),
                unit: poll.unit.rawValue, majority: poll.majority.rawValue, hiddenUntilClose: poll.hiddenUntilClose, author: author,
                closedBy: close?.closer, voterNames: Set(counted.ballots.map(\.voter)).compactMap { counted.names[$0] }.sorted(),
                conflictingDelegations: counted.conflictingDelegations.sorted(),
                result: result,
                outcome: try String.fetchOne(db, sql: "SELECT value FROM register WHERE entity = ? AND name = 'poll.outcome'", arguments: [id]))
            if let seat = poll.seat {
                detail.seat = seat.rawValue
                detail.candidates = candidates
                detail.eligible = try Self.eligible(db, seat: seat)
                if let close, let elected = result?.elected {
                    detail.cochairGrantDue = try Self.cochairGrantDue(db, elected: elected, closedAt: close.closedMs)
                }
            }
            return detail
        }
    }

    /// Each poll with the number of ballots that count, as its tally counts them.
    func polls(_ db: Database, only id: String? = nil) throws -> [PollSummary] {
        try Row.fetchAll(db, sql: "SELECT id, kind, title, deadline, unit FROM poll WHERE ?1 IS NULL OR id = ?1 ORDER BY created_ms DESC, id",
                         arguments: [id]).map { row in
            let id: String = row[0]
            let counted = try CountedBallots.load(db, poll: id, unit: PollUnit(rawValue: row[4]) ?? .person)
            return PollSummary(id: id, kind: row[1], title: row[2], deadline: row[3], closed: counted.close != nil, voters: counted.units)
        }
    }
}
