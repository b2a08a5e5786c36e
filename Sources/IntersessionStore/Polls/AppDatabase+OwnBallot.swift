import Foundation
import GRDB
import IntersessionCore

/// The ballot one voter cast in a poll, as that voter chose it: always theirs to see, even
/// while the poll's results are hidden (it tells nothing of anyone else's).
public struct OwnBallot: Sendable, Equatable, Codable {
    /// A proposal's position (agree, abstain, disagree, block).
    public var position: String?
    /// The options chosen, in order of preference for ranked choice; candidates' names for an
    /// election.
    public var choices: [String]
    /// A silence procedure: the voter objected.
    public var objection: Bool
    public var reason: String?
    /// False when a close of the poll came before this ballot, so it does not count.
    public var counts: Bool
}

extension AppDatabase {
    /// `poll(_:)` with the ballot `voter` cast in it.
    public func poll(_ id: String, voter: String) throws -> PollDetail {
        var detail = try poll(id)
        detail.ownBallot = try ownBallot(poll: id, voter: voter)
        return detail
    }

    /// The latest ballot `voter` (a feed id in hex) cast in poll `id`, or nil if none.
    public func ownBallot(poll id: String, voter: String) throws -> OwnBallot? {
        try read { db in
            guard let poll = try PollJSON.poll(db, id: id),
                  let row = try Row.fetchOne(db, sql: """
                    SELECT b.choice, b.seq FROM ballot b JOIN feed f ON f.id = b.feed
                    WHERE b.poll = ? AND f.hex = ? ORDER BY b.hlc_ms DESC, b.hlc_c DESC, b.seq DESC LIMIT 1
                    """, arguments: [id, voter])
            else { return nil }
            let choice = PollJSON.parse(row[0] as String)
            let seq: Int64 = row[1]
            let through = try CountedBallots.close(db, poll: id)?.through
            let counts = through.map { seq <= ($0[voter] ?? 0) } ?? true
            let options = (choice?["options"]?.arrayValue ?? []).compactMap { $0.intValue.map(Int.init) }
                .compactMap { poll.options.indices.contains($0) ? poll.options[$0] : nil }
            let candidates = try (choice?["candidates"]?.arrayValue ?? []).compactMap(\.stringValue).map { feed in
                try String.fetchOne(db, sql: "SELECT m.name FROM member m JOIN feed f ON f.id = m.feed WHERE f.hex = ?",
                                    arguments: [feed]) ?? String(feed.prefix(8))
            }
            return OwnBallot(position: choice?["position"]?.stringValue, choices: options + candidates,
                             objection: choice?["objection"]?.boolValue == true, reason: choice?["reason"]?.stringValue,
                             counts: counts)
        }
    }
}
