import GRDB

/// The migration of sealed groups (v12): the group's epochs and the agreement keys they are
/// wrapped for, derived from the log like every other table; and the one local secret table,
/// the epoch keys this device holds, which no rebuild touches and no sync carries.
extension Schema {
    static func createV12(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE group_info ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;

            -- Derived: each group.key that counts. id: the op's entity id. recipients: the
            -- feeds and invite keys it is wrapped for, as hex, comma-separated and sorted.
            CREATE TABLE epoch (
                id TEXT PRIMARY KEY NOT NULL,
                number INTEGER NOT NULL,
                parent TEXT,
                author INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                check_hash BLOB NOT NULL,
                history BLOB,
                recipients TEXT NOT NULL
            ) STRICT;
            CREATE TABLE epoch_wrap (
                epoch TEXT NOT NULL,
                recipient TEXT NOT NULL,
                envelope BLOB NOT NULL,
                PRIMARY KEY (epoch, recipient)
            ) STRICT, WITHOUT ROWID;

            -- Derived: the X25519 key epochs are wrapped for, by feed or invite key (hex).
            CREATE TABLE agreement_key (feed TEXT PRIMARY KEY NOT NULL, key BLOB NOT NULL) STRICT;

            -- Local only, secret: the epoch keys this device holds, by epoch id.
            CREATE TABLE epoch_key (id TEXT PRIMARY KEY NOT NULL, key BLOB NOT NULL CHECK (length(key) = 32)) STRICT;
            -- Local only, secret: the seeds of invite keys this device redeemed, by key hex:
            -- epochs wrapped for an invite while it was open are opened with them.
            CREATE TABLE invite_secret (key TEXT PRIMARY KEY NOT NULL, seed BLOB NOT NULL CHECK (length(seed) = 32)) STRICT;
            """)
    }
}
