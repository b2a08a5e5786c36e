import Foundation
import GRDB
import IntersessionCore

extension ChangeApplier {
    /// Polls and elections: the poll, nominations, ballots and the close.
    func executePoll(_ mutation: Mutation, author: Int64) throws {
        switch mutation {
        case .createPoll(let id, let poll, let stamp):
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO poll (id, kind, title, text, options, electorate, unit, deadline, hidden, majority, author, seq,
                                                created_ms, seat)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id.hex, poll.kind.rawValue, poll.title, poll.text, PollJSON.strings(poll.options),
                            PollJSON.strings(poll.electorate.map(\.rawValue)), poll.unit.rawValue, poll.deadline,
                            poll.hiddenUntilClose, poll.majority.rawValue, author, stamp.seq, stamp.hlc.millis, poll.seat?.rawValue])
        case .nominate(let id, let poll, let nominee, let accepted, let stamp):
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO nomination (id, poll, nominee, feed, seq, hlc_ms, hlc_c, accepted_seq)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id.hex, poll.hex, try feedState(nominee).row, author, stamp.seq, stamp.hlc.millis, stamp.hlc.counter,
                            accepted ? stamp.seq : nil])
        case .acceptNomination(let id, let stamp):
            try db.execute(
                sql: "UPDATE nomination SET accepted_seq = min(coalesce(accepted_seq, ?), ?) WHERE id = ?",
                arguments: [stamp.seq, stamp.seq, id.hex])
        case .castBallot(let poll, let choice, let stamp):
            try db.execute(
                sql: "INSERT OR IGNORE INTO ballot (poll, feed, seq, hlc_ms, hlc_c, choice) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [poll.hex, author, stamp.seq, stamp.hlc.millis, stamp.hlc.counter, choice])
        case .closePoll(let poll, let frontier, let stamp):
            try db.execute(
                sql: "INSERT OR IGNORE INTO poll_close (poll, feed, seq, hlc_ms, hlc_c, frontier) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [poll.hex, author, stamp.seq, stamp.hlc.millis, stamp.hlc.counter, PollJSON.closeFrontier(frontier)])
        default:
            preconditionFailure("not a poll mutation")
        }
    }
}
