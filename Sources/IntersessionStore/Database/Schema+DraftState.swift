import GRDB

/// The migration of drafts' stored state (v13): each draft's blame, its paragraphs with their
/// blame and flags, and where the characters its amendments and comments name stand, kept as
/// edits apply so that opening a draft reads rows instead of
/// replaying every save. Drafts already in the store get theirs from their history.
extension Schema {
    static func createV13(_ db: Database) throws {
        try db.execute(sql: """
            -- Derived: who typed and who deleted each character of a draft (DraftBlame's bytes).
            CREATE TABLE draft_blame (
                draft TEXT PRIMARY KEY NOT NULL,
                state BLOB NOT NULL
            ) STRICT;
            -- Derived: a draft's paragraphs as its current text gives them. range_start and
            -- range_end: in Unicode scalars of the text. last_author: the hex of the feed whose
            -- edit last changed it, at last_ms. concurrent: changed by concurrent edits, not
            -- reviewed since. touched: the blame's numbers of every edit that changed it.
            CREATE TABLE draft_block (
                draft TEXT NOT NULL,
                position INTEGER NOT NULL,
                number INTEGER,
                range_start INTEGER NOT NULL,
                range_end INTEGER NOT NULL,
                text TEXT NOT NULL,
                last_author TEXT,
                last_ms INTEGER,
                concurrent INTEGER NOT NULL,
                touched BLOB NOT NULL,
                PRIMARY KEY (draft, position)
            ) STRICT;
            -- Derived: where each character that the draft's amendments and comments name stands
            -- in its current text (in Unicode scalars; null when deleted or not known here).
            CREATE TABLE draft_anchor (
                draft TEXT NOT NULL,
                anchor TEXT NOT NULL,
                position INTEGER,
                PRIMARY KEY (draft, anchor)
            ) STRICT, WITHOUT ROWID;
            """)
        try AppDatabase.fillDraftStates(db)
    }
}
