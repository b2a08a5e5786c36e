import GRDB

/// The migration of seen files (v10): what a replica remembers of a folder's files is each
/// file, by name, with its size and modification time, so that a file deleted or changed since
/// it was read stops covering its range and is read again (a relay then writes the range anew).
extension Schema {
    static func createV10(_ db: Database) throws {
        try db.execute(sql: """
            -- Local only: the files of each folder read or written here. `covers`: a good segment
            -- holding seqs first_seq..last_seq; 0 for a sync tool's conflict copy, read only for
            -- fork evidence. size and mtime -1: not known (remembered before v10), so read again.
            CREATE TABLE seen_file (
                folder TEXT NOT NULL,
                feed TEXT NOT NULL,
                name TEXT NOT NULL,
                first_seq INTEGER NOT NULL,
                last_seq INTEGER NOT NULL,
                size INTEGER NOT NULL,
                mtime INTEGER NOT NULL,
                covers INTEGER NOT NULL,
                PRIMARY KEY (folder, feed, name)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO seen_file (folder, feed, name, first_seq, last_seq, size, mtime, covers)
                SELECT folder, feed, printf('%012d-%012d.seg', first_seq, last_seq), first_seq, last_seq, -1, -1, 1
                FROM seen_segment;
            DROP TABLE seen_segment;
            """)
    }
}
