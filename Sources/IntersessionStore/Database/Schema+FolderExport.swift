import GRDB

/// The migration of what an export remembers (v17), so that a sync with nothing new looks at
/// no feed the folder already holds whole.
extension Schema {
    static func createV17FolderExport(_ db: Database) throws {
        try db.execute(sql: """
            -- Each feed whose every change from seq 1 through `head` the good files of `folder`
            -- held when this replica last exported there (as `seen_file` remembered them).
            -- Forgetting a file of the feed there forgets this too.
            CREATE TABLE folder_export (
                folder TEXT NOT NULL,
                feed TEXT NOT NULL,
                head INTEGER NOT NULL,
                PRIMARY KEY (folder, feed)
            ) STRICT, WITHOUT ROWID;
            """)
    }
}
