import GRDB

/// The migration of recommendations (v18-recommendations). Rows are keyed by the change that
/// made them (author feed in hex, seq), so applying twice or in another order keeps the same rows.
extension Schema {
    static func createV18Recommendations(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE recommendation (
                id TEXT PRIMARY KEY NOT NULL,
                text TEXT NOT NULL,
                language TEXT NOT NULL,
                body TEXT NOT NULL,
                level TEXT NOT NULL,
                decision_kind TEXT NOT NULL,
                decision TEXT NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL
            ) STRICT;
            CREATE TABLE recommendation_followup (
                id TEXT PRIMARY KEY NOT NULL,
                recommendation TEXT NOT NULL,
                text TEXT NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX recommendation_followup_by_recommendation ON recommendation_followup (recommendation);
            """)
    }

    /// The tables a rebuild empties before applying the log again.
    static let recommendationTables = ["recommendation_followup", "recommendation"]

    /// What the state digest reads of recommendations.
    static let recommendationDigestQueries = [
        "SELECT id, text, language, body, level, decision_kind, decision, author, seq, hlc_ms, hlc_c FROM recommendation ORDER BY id",
        "SELECT id, recommendation, text, author, seq, hlc_ms, hlc_c FROM recommendation_followup ORDER BY id",
    ]
}
