import Foundation
import GRDB

/// The migration of one authority (v9): role and penholder spans as the core computes them,
/// invite seats, cancellations, and a removed member's changes set aside.
extension Schema {
    static func createV9(_ db: Database) throws {
        try db.execute(sql: """
            -- Each feed's role spans over its own seqs, as RoleHistory gives them (through_seq
            -- NULL: still held). Every query that shows a role reads this table.
            CREATE TABLE role_interval (
                feed INTEGER NOT NULL REFERENCES feed(id),
                role TEXT NOT NULL,
                from_seq INTEGER NOT NULL,
                through_seq INTEGER,
                until_ms INTEGER,
                PRIMARY KEY (feed, role, from_seq)
            ) STRICT;
            CREATE INDEX role_interval_open ON role_interval(role) WHERE through_seq IS NULL;

            -- Penholders added to a draft from a seq (by a creation or a draft.penholders).
            CREATE TABLE penholder_grant (
                draft TEXT NOT NULL,
                feed INTEGER NOT NULL REFERENCES feed(id),
                from_seq INTEGER NOT NULL,
                by_feed INTEGER NOT NULL REFERENCES feed(id),
                by_seq INTEGER NOT NULL,
                PRIMARY KEY (draft, feed, from_seq, by_feed, by_seq)
            ) STRICT, WITHOUT ROWID;
            -- Penholders removed: their changes up to last_seq still count.
            CREATE TABLE penholder_end (
                draft TEXT NOT NULL,
                feed INTEGER NOT NULL REFERENCES feed(id),
                last_seq INTEGER NOT NULL,
                last_hash BLOB,
                by_feed INTEGER NOT NULL REFERENCES feed(id),
                by_seq INTEGER NOT NULL,
                PRIMARY KEY (draft, feed, by_feed, by_seq)
            ) STRICT, WITHOUT ROWID;
            -- The spans where each penholder holds a draft's pen, as Tenure gives them.
            CREATE TABLE penholder_interval (
                draft TEXT NOT NULL,
                feed INTEGER NOT NULL REFERENCES feed(id),
                from_seq INTEGER NOT NULL,
                through_seq INTEGER,
                PRIMARY KEY (draft, feed, from_seq)
            ) STRICT, WITHOUT ROWID;

            -- Cancellations of an invite, each with the redemptions its signer had seen.
            CREATE TABLE invite_cancel (
                invite TEXT NOT NULL,
                by_feed INTEGER NOT NULL REFERENCES feed(id),
                by_seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                seen TEXT NOT NULL,
                PRIMARY KEY (invite, by_feed, by_seq)
            ) STRICT, WITHOUT ROWID;
            -- Whom each redeemed or cancelled invite seats, as InviteSeating decides.
            CREATE TABLE invite_seat (
                invite TEXT PRIMARY KEY NOT NULL,
                seated INTEGER REFERENCES feed(id),
                redeemers INTEGER NOT NULL,
                cancelled INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;

            -- Changes of a removed member after the last seq that counts: kept in the log as
            -- evidence, never applied, and no longer pending.
            CREATE TABLE set_aside_change (
                feed INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                reason TEXT NOT NULL,
                PRIMARY KEY (feed, seq)
            ) STRICT, WITHOUT ROWID;
            """)
    }
}
