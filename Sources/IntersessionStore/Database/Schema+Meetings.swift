import GRDB

/// The migration of meetings (v16-meetings). Every row is keyed by the change that made it
/// (author feed in hex, seq), so applying twice or in another order keeps the same rows; which
/// statement of an item or registration stands, which outcome stands and which entries are late
/// are decided when read, by the core's rules.
extension Schema {
    static func createV16Meetings(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meeting (
                id TEXT PRIMARY KEY NOT NULL,
                title TEXT NOT NULL,
                body TEXT NOT NULL,
                number TEXT NOT NULL,
                mode TEXT NOT NULL,
                starts TEXT NOT NULL,
                ends TEXT NOT NULL,
                presiding TEXT NOT NULL,
                topic TEXT NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL
            ) STRICT;
            -- Openings (deadline) and closes (frontier) of phases; item '' is the whole meeting.
            CREATE TABLE meeting_phase (
                meeting TEXT NOT NULL,
                phase TEXT NOT NULL,
                item TEXT NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                deadline INTEGER,
                frontier TEXT,
                PRIMARY KEY (meeting, phase, item, author, seq)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE meeting_item (
                id TEXT PRIMARY KEY NOT NULL,
                meeting TEXT NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX meeting_item_by_meeting ON meeting_item (meeting);
            CREATE TABLE meeting_item_version (
                item TEXT NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                number TEXT NOT NULL,
                parent TEXT,
                title TEXT NOT NULL,
                purpose TEXT NOT NULL,
                category TEXT NOT NULL,
                deadline INTEGER,
                documents TEXT NOT NULL,
                PRIMARY KEY (item, author, seq)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE meeting_register (
                meeting TEXT NOT NULL,
                participant TEXT NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                capacity TEXT NOT NULL,
                delegation TEXT NOT NULL,
                PRIMARY KEY (meeting, participant, author, seq)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE meeting_concern (
                id TEXT PRIMARY KEY NOT NULL,
                item TEXT NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                text TEXT NOT NULL
            ) STRICT;
            CREATE INDEX meeting_concern_by_item ON meeting_concern (item);
            CREATE TABLE meeting_answer (
                concern TEXT NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (concern, author, seq)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE meeting_outcome (
                id TEXT PRIMARY KEY NOT NULL,
                item TEXT NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                kind TEXT NOT NULL,
                summary TEXT NOT NULL,
                poll TEXT,
                replaces TEXT NOT NULL
            ) STRICT;
            CREATE INDEX meeting_outcome_by_item ON meeting_outcome (item);
            """)
    }

    /// The tables a rebuild empties before applying the log again.
    static let meetingTables = [
        "meeting", "meeting_phase", "meeting_item", "meeting_item_version", "meeting_register", "meeting_concern",
        "meeting_answer", "meeting_outcome",
    ]

    /// What the state digest reads of meetings.
    static let meetingDigestQueries = [
        "SELECT id, title, body, number, mode, starts, ends, presiding, topic, author, seq, hlc_ms, hlc_c FROM meeting ORDER BY id",
        "SELECT meeting, phase, item, author, seq, hlc_ms, hlc_c, deadline, frontier FROM meeting_phase ORDER BY 1, 2, 3, 4, 5",
        "SELECT id, meeting, author, seq FROM meeting_item ORDER BY id",
        """
        SELECT item, author, seq, hlc_ms, hlc_c, number, parent, title, purpose, category, deadline, documents
        FROM meeting_item_version ORDER BY 1, 2, 3
        """,
        "SELECT meeting, participant, author, seq, hlc_ms, hlc_c, capacity, delegation FROM meeting_register ORDER BY 1, 2, 3, 4",
        "SELECT id, item, author, seq, hlc_ms, hlc_c, text FROM meeting_concern ORDER BY id",
        "SELECT concern, author, seq, hlc_ms, hlc_c, text FROM meeting_answer ORDER BY 1, 2, 3",
        "SELECT id, item, author, seq, hlc_ms, hlc_c, kind, summary, poll, replaces FROM meeting_outcome ORDER BY id",
    ]
}
