import GRDB

/// The migration of attachments (v17-attachments). The state: each attachment as its
/// `attachment.add` described it, the removals that count, and a full-text index of names and
/// media types. Local only (never in the digest, never emptied by a rebuild): the text of
/// fetched files by their hash, and which attachments' chunks this profile wrote to which folder
/// under which epoch. The chunks themselves live in files beside the store (`ChunkCache`).
extension Schema {
    static func createV17Attachments(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE attachment (
                id TEXT PRIMARY KEY NOT NULL,
                target TEXT NOT NULL,
                kind TEXT NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                name TEXT NOT NULL,
                media_type TEXT NOT NULL,
                size INTEGER NOT NULL CHECK (size >= 0),
                sha256 TEXT NOT NULL,
                chunks TEXT NOT NULL
            ) STRICT;
            CREATE INDEX attachment_by_target ON attachment (target);
            CREATE TABLE attachment_removal (
                attachment TEXT NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL,
                PRIMARY KEY (attachment, author, seq)
            ) STRICT, WITHOUT ROWID;
            CREATE VIRTUAL TABLE attachment_fts USING fts5(id UNINDEXED, name, media, tokenize = 'unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE attachment_text_fts USING fts5(sha256 UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');
            CREATE TABLE chunk_export (
                folder TEXT NOT NULL,
                attachment TEXT NOT NULL,
                epoch TEXT NOT NULL,
                PRIMARY KEY (folder, attachment, epoch)
            ) STRICT, WITHOUT ROWID;
            """)
    }

    static let attachmentTables = ["attachment", "attachment_removal", "attachment_fts"]

    static let attachmentDigestQueries = [
        "SELECT id, target, kind, author, seq, hlc_ms, hlc_c, name, media_type, size, sha256, chunks FROM attachment ORDER BY id",
        "SELECT attachment, author, seq FROM attachment_removal ORDER BY 1, 2, 3",
    ]
}
