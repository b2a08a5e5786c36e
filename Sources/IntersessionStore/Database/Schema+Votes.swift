import Foundation
import GRDB

/// The migrations of polls (v6) and elections (v7).
extension Schema {
    static func createV6(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE poll (
                id TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                text TEXT NOT NULL,
                options TEXT NOT NULL,
                electorate TEXT NOT NULL,
                unit TEXT NOT NULL,
                deadline INTEGER NOT NULL,
                hidden INTEGER NOT NULL,
                majority TEXT NOT NULL,
                author INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                created_ms INTEGER NOT NULL
            ) STRICT;
            -- Every ballot; a voter's latest inside the winning close's frontier counts.
            CREATE TABLE ballot (
                poll TEXT NOT NULL,
                feed INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                choice TEXT NOT NULL,
                PRIMARY KEY (poll, feed, seq)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE poll_close (
                poll TEXT NOT NULL,
                feed INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                frontier TEXT NOT NULL,
                PRIMARY KEY (poll, feed, seq)
            ) STRICT, WITHOUT ROWID;
            """)
    }

    static func createV7(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE poll ADD COLUMN seat TEXT;
            -- A candidate stands from the nomination (nominator's seq) and the acceptance
            -- (nominee's seq, the same change for a self-nomination); both must lie inside the
            -- close's frontier for the candidacy to count.
            CREATE TABLE nomination (
                id TEXT PRIMARY KEY NOT NULL,
                poll TEXT NOT NULL,
                nominee INTEGER NOT NULL REFERENCES feed(id),
                feed INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                accepted_seq INTEGER
            ) STRICT;
            CREATE INDEX nomination_by_poll ON nomination (poll);
            """)
    }
}
