import GRDB

/// The migration of what a quiet sync remembers (v15), so that a sync with nothing new does no
/// work that its last one did: local facts about signed bytes that never change, kept apart
/// from the tables derived from the log (a rebuild leaves them).
extension Schema {
    static func createV15Quiet(_ db: Database) throws {
        try db.execute(sql: """
            -- Each epoch whose history was opened with the key held here, and the ids (hex,
            -- comma-separated) of every key that history holds: while all of them are held,
            -- opening it again would give nothing (`EpochUnlockMemo`).
            CREATE TABLE epoch_history_opened (epoch TEXT PRIMARY KEY NOT NULL, holds TEXT NOT NULL) STRICT, WITHOUT ROWID;

            -- Each envelope of an epoch that did not open under the key of its recipient here
            -- (this device, or an invite key it redeemed): the same bytes never will.
            CREATE TABLE epoch_wrap_unopened (
                epoch TEXT NOT NULL,
                recipient TEXT NOT NULL,
                PRIMARY KEY (epoch, recipient)
            ) STRICT, WITHOUT ROWID;
            """)
    }
}
