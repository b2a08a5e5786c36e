import Foundation
import GRDB
import IntersessionCore

/// Recommendations as this replica holds them, in the order of the changes that recorded them
/// (hybrid clock, then id), the same on every replica with the same changes.
extension AppDatabase {
    public func recommendations() throws -> [RecommendationView] {
        let rows = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, text, language, body, level, decision_kind, decision, author, hlc_ms FROM recommendation
                ORDER BY hlc_ms, hlc_c, id
                """)
        }
        return try rows.map(view)
    }

    /// The recommendation `id` (in full).
    public func recommendation(_ id: String) throws -> RecommendationView {
        guard let row = try read({ db in
            try Row.fetchOne(db, sql: """
                SELECT id, text, language, body, level, decision_kind, decision, author, hlc_ms FROM recommendation WHERE id = ?
                """, arguments: [id])
        }) else { throw StoreError.notFound(kind: "recommendation", prefix: id) }
        return try view(row)
    }

    /// A recommendation by a unique id prefix.
    public func resolveRecommendation(_ typed: String) throws -> String {
        let prefix = typed.lowercased()
        return try read { db in
            guard Hex.isHexPrefix(prefix) else { throw StoreError.notFound(kind: "recommendation", prefix: typed) }
            let matches = try String.fetchAll(db, sql: "SELECT id FROM recommendation WHERE id >= ? AND id < ? LIMIT 2",
                                              arguments: [prefix, prefix + "g"])
            guard let first = matches.first else { throw StoreError.notFound(kind: "recommendation", prefix: typed) }
            guard matches.count == 1 else { throw StoreError.ambiguous(kind: "recommendation", prefix: typed, count: 2) }
            return first
        }
    }

    private func view(_ row: Row) throws -> RecommendationView {
        let id: String = row[0], kind: String = row[5], decision: String = row[6]
        let (title, carried) = try decisionState(kind: kind, decision)
        return try read { db in
            let reader = MeetingReader(db: db)
            let followUps = try Row.fetchAll(db, sql: """
                SELECT id, text, author, hlc_ms FROM recommendation_followup WHERE recommendation = ? ORDER BY hlc_ms, hlc_c, id
                """, arguments: [id]).map { follow in
                RecommendationFollowUpView(id: follow[0], text: follow[1], by: try reader.person(follow[2]), recordedAt: follow[3])
            }
            return RecommendationView(id: id, text: row[1], language: row[2], body: row[3], level: row[4], decisionKind: kind,
                                      decision: decision, decisionTitle: title, carried: carried, by: try reader.person(row[7]),
                                      recordedAt: row[8], followUps: followUps)
        }
    }

    /// What the decision is called, and whether it carried: a poll that closed adopted (a
    /// proposal agreed, a silence not broken), or an item's outcome that adopts or endorses.
    private func decisionState(kind: String, _ decision: String) throws -> (title: String, carried: Bool) {
        if kind == "poll" {
            let poll = try self.poll(decision)
            return (poll.summary.title, poll.summary.closed && poll.result?.adopted == true)
        }
        let (_, item) = try agendaItem(try read { db in
            try String.fetchOne(db, sql: "SELECT item FROM meeting_outcome WHERE id = ?", arguments: [decision]) ?? ""
        })
        let kind = item.outcomes.first { $0.id == decision }.flatMap { OutcomeKind(rawValue: $0.kind) }
        return (item.number + " " + item.title, kind == .adopted || kind == .endorsed)
    }
}

extension AppDatabase {
    /// The close of a poll that counts (the least stamp), where it was signed.
    public func countingClose(of poll: String) throws -> FeedPosition? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT f.key, c.seq FROM poll_close c JOIN feed f ON f.id = c.feed WHERE c.poll = ?
                ORDER BY c.hlc_ms, c.hlc_c, f.key, c.seq LIMIT 1
                """, arguments: [poll]).flatMap { row in FeedID(bytes: Array(row[0] as Data)).map { FeedPosition(feed: $0, seq: row[1]) } }
        }
    }
}

extension AppDatabase {
    /// The agenda item an outcome was recorded for.
    public func outcomeItem(_ outcome: String) throws -> String {
        try read { db in
            guard let item = try String.fetchOne(db, sql: "SELECT item FROM meeting_outcome WHERE id = ?", arguments: [outcome]) else {
                throw StoreError.notFound(kind: "outcome", prefix: outcome)
            }
            return item
        }
    }
}
