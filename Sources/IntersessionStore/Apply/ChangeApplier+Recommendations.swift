import Foundation
import GRDB
import IntersessionCore

/// Carries out the mutations of recommendations, and answers the rules' questions about them
/// (and about the decisions they name).
extension ChangeApplier {
    func executeRecommendation(_ mutation: RecommendationMutation) throws {
        switch mutation {
        case .record(let id, let recommendation, let stamp):
            try db.execute(sql: """
                INSERT OR IGNORE INTO recommendation (id, text, language, body, level, decision_kind, decision, author, seq, hlc_ms, hlc_c)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id.hex, recommendation.text, recommendation.language.rawValue, recommendation.body.rawValue,
                                 recommendation.level.rawValue, recommendation.decision.kind, recommendation.decision.id.hex,
                                 stamp.author.hex, stamp.seq, stamp.hlc.millis, stamp.hlc.counter])
        case .followUp(let id, let followUp, let stamp):
            try db.execute(sql: """
                INSERT OR IGNORE INTO recommendation_followup (id, recommendation, text, author, seq, hlc_ms, hlc_c)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id.hex, followUp.recommendation.hex, followUp.text, stamp.author.hex, stamp.seq,
                                 stamp.hlc.millis, stamp.hlc.counter])
        }
    }

    func meetingOutcomeKind(_ id: EntityID) throws -> OutcomeKind? {
        try String.fetchOne(db, sql: "SELECT kind FROM meeting_outcome WHERE id = ?", arguments: [id.hex]).flatMap(OutcomeKind.init(rawValue:))
    }

    func pollCloses(_ poll: EntityID) throws -> [FeedPosition] {
        try Row.fetchAll(db, sql: "SELECT f.key, c.seq FROM poll_close c JOIN feed f ON f.id = c.feed WHERE c.poll = ?",
                         arguments: [poll.hex]).compactMap { row in
            FeedID(bytes: Array(row[0] as Data)).map { FeedPosition(feed: $0, seq: row[1]) }
        }
    }

    func recommendationExists(_ id: EntityID) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM recommendation WHERE id = ?)", arguments: [id.hex]) ?? false
    }
}
