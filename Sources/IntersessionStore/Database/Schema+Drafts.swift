import Foundation
import GRDB

/// The migration of drafts and amendments (v8).
extension Schema {
    static func createV8(_ db: Database) throws {
        try db.execute(sql: """
            -- A draft, its text's CRDT state, and the current text it gives (read without the CRDT).
            CREATE TABLE draft (
                id TEXT PRIMARY KEY NOT NULL,
                title TEXT NOT NULL,
                topic TEXT NOT NULL,
                lang TEXT NOT NULL,
                symbol TEXT NOT NULL,
                translation_of TEXT,
                author INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                created_ms INTEGER NOT NULL,
                state BLOB NOT NULL,
                text TEXT NOT NULL,
                edited_ms INTEGER NOT NULL
            ) STRICT;
            -- Every op that counted on a draft, for its heads, history, versions and blame.
            CREATE TABLE draft_op (
                draft TEXT NOT NULL,
                feed INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                op_index INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                kind TEXT NOT NULL,
                PRIMARY KEY (draft, feed, seq, op_index)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE draft_penholders (
                draft TEXT NOT NULL,
                feed INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                penholders TEXT NOT NULL,
                PRIMARY KEY (draft, feed, seq)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE draft_version (
                draft TEXT NOT NULL,
                name TEXT NOT NULL,
                heads TEXT NOT NULL,
                feed INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                PRIMARY KEY (draft, feed, seq)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE amendment (
                id TEXT PRIMARY KEY NOT NULL,
                draft TEXT NOT NULL,
                feed INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                kind TEXT NOT NULL,
                from_anchor TEXT,
                to_anchor TEXT,
                text TEXT NOT NULL,
                rationale TEXT NOT NULL
            ) STRICT;
            CREATE INDEX amendment_by_draft ON amendment (draft);
            -- Comments on a draft's paragraphs: threads anchored to a character of the text.
            CREATE TABLE draft_comment (
                thread TEXT PRIMARY KEY NOT NULL,
                draft TEXT NOT NULL,
                anchor TEXT
            ) STRICT;
            -- Each member's latest position on an amendment.
            CREATE TABLE amendment_position (
                amendment TEXT NOT NULL,
                feed INTEGER NOT NULL REFERENCES feed(id),
                supports INTEGER NOT NULL,
                reason TEXT,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                seq INTEGER NOT NULL,
                PRIMARY KEY (amendment, feed)
            ) STRICT, WITHOUT ROWID;
            """)
    }
}
