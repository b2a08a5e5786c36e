import GRDB

/// The migration of the best-practice library (v17-practices). The rows of steps, editions and
/// additions are keyed by the change that made them, so applying twice or in another order
/// keeps the same rows; a practice's row, the steps' `on_path` and version numbers, and the
/// search index are what ``PracticeHistory`` decides from all the practice's steps, written
/// again whenever one arrives.
extension Schema {
    static func createV17Practices(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE practice (
                id TEXT PRIMARY KEY NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                state TEXT NOT NULL,
                latest TEXT NOT NULL,
                version TEXT NOT NULL,
                version_number INTEGER NOT NULL,
                submitted_ms INTEGER,
                updated_ms INTEGER NOT NULL,
                newer TEXT
            ) STRICT;
            -- Every applied step, the creation included; content is the version's canonical JSON.
            CREATE TABLE practice_step (
                id TEXT PRIMARY KEY NOT NULL,
                practice TEXT NOT NULL,
                after TEXT,
                kind TEXT NOT NULL,
                state TEXT NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                content TEXT,
                edition TEXT,
                poll TEXT,
                newer TEXT,
                note TEXT,
                on_path INTEGER NOT NULL DEFAULT 0,
                version_number INTEGER
            ) STRICT;
            CREATE INDEX practice_step_by_practice ON practice_step (practice);
            CREATE TABLE edition (
                id TEXT PRIMARY KEY NOT NULL,
                title_en TEXT,
                title_fr TEXT,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL
            ) STRICT;
            CREATE TABLE edition_addition (
                id TEXT PRIMARY KEY NOT NULL,
                edition TEXT NOT NULL,
                practice TEXT NOT NULL,
                version TEXT NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX edition_addition_by_edition ON edition_addition (edition);
            -- The current version of each practice, both languages: titles, summaries, sections.
            CREATE VIRTUAL TABLE practice_fts USING fts5(
                practice UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2'
            );
            """)
    }

    /// The tables a rebuild empties before applying the log again.
    static let practiceTables = ["practice", "practice_step", "edition", "edition_addition", "practice_fts"]

    /// What the state digest reads of the library.
    static let practiceDigestQueries = [
        """
        SELECT id, author, seq, hlc_ms, hlc_c, state, latest, version, version_number, submitted_ms, updated_ms, newer
        FROM practice ORDER BY id
        """,
        """
        SELECT id, practice, after, kind, state, author, seq, hlc_ms, hlc_c, content, edition, poll, newer, note, on_path,
               version_number FROM practice_step ORDER BY id
        """,
        "SELECT id, title_en, title_fr, author, seq, hlc_ms, hlc_c FROM edition ORDER BY id",
        "SELECT id, edition, practice, version, author, seq FROM edition_addition ORDER BY id",
        "SELECT practice, title, body FROM practice_fts ORDER BY practice",
    ]
}
