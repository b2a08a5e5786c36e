import GRDB

/// The migration of chunks that heal and relay (v19-attachment-copies), local only (never in
/// the digest, never emptied by a rebuild): `attachment_complete`, the attachments whose every
/// chunk this profile's cache holds, so that no sync stats their chunks again; `chunk_copy`,
/// each chunk file this profile wrote to a folder or found there whole, by its path below the
/// folder's root, with the size and time it had, so that a window of them, looked at on
/// each sync (one `stat` each), finds a copy deleted or changed and writes it again.
extension Schema {
    static func createV19AttachmentCopies(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE attachment_complete (
                attachment TEXT PRIMARY KEY NOT NULL
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE chunk_copy (
                folder TEXT NOT NULL,
                hash TEXT NOT NULL,
                name TEXT NOT NULL,
                size INTEGER NOT NULL,
                mtime INTEGER NOT NULL,
                PRIMARY KEY (folder, hash)
            ) STRICT, WITHOUT ROWID;
            """)
    }
}
