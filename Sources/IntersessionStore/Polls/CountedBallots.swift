import Foundation
import GRDB
import IntersessionCore

/// The ballots of one poll that count, read once for its summary, its detail and its tally:
/// inside the frontier of the close with the least stamp (when closed), each voter's latest,
/// and for a poll by delegation each delegation's latest.
struct CountedBallots {
    struct Close {
        var closer: String
        var closedMs: Int64
        /// The highest seq counted per feed (by hex).
        var through: [String: Int64]
    }

    var close: Close?
    /// Every ballot inside the close (all of them while open), before one per voter is kept.
    var ballots: [DelegationBallots.Ballot<String>] = []
    var counted: [DelegationBallots.Ballot<String>] = []
    var conflictingDelegations: Set<String> = []
    var names: [FeedID: String] = [:]

    /// How many count: voters, or delegations for a poll by delegation.
    var units: Int { counted.count }

    static func load(_ db: Database, poll id: String, unit: PollUnit) throws -> CountedBallots {
        var result = CountedBallots(close: try close(db, poll: id))
        for row in try Row.fetchAll(db, sql: """
            SELECT f.key, f.hex, b.seq, b.hlc_ms, b.hlc_c, b.choice, coalesce(m.org, f.hex), coalesce(m.name, substr(f.hex, 1, 8))
            FROM ballot b JOIN feed f ON f.id = b.feed LEFT JOIN member m ON m.feed = b.feed WHERE b.poll = ?
            """, arguments: [id]) {
            guard let feed = FeedID(bytes: Array(row[0] as Data)) else { continue }
            let seq: Int64 = row[2]
            if let through = result.close?.through, seq > (through[row[1] as String] ?? 0) { continue }
            result.names[feed] = row[7]
            result.ballots.append(.init(voter: feed, delegation: row[6], stamp: ChangeStamp(hlc: HLC(millis: row[3], counter: row[4]),
                                                                                            author: feed, seq: seq), choice: row[5]))
        }
        let resolved = DelegationBallots.resolve(result.ballots, perDelegation: unit == .delegation)
        result.counted = resolved.counted
        result.conflictingDelegations = resolved.conflicting
        return result
    }

    /// The close that counts: the least stamp (clock, author, seq).
    static func close(_ db: Database, poll id: String) throws -> Close? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT f.hex, c.frontier, c.hlc_ms FROM poll_close c JOIN feed f ON f.id = c.feed WHERE c.poll = ?
            ORDER BY c.hlc_ms, c.hlc_c, f.hex, c.seq LIMIT 1
            """, arguments: [id])
        else { return nil }
        let frontier = PollJSON.closeFrontier(row[1] as String)
        return Close(closer: row[0], closedMs: row[2], through: try AppDatabase.countedThrough(db, frontier: frontier))
    }
}
