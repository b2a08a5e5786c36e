import Foundation
import GRDB
import IntersessionCore

/// Reading attachments, and the local facts kept about them: which were written to which
/// folder under which epoch, and the text of those whose text is cheap to index.
extension AppDatabase {
    /// The attachments on `target` (every attachment when nil), oldest first; removed ones only
    /// when `includingRemoved`.
    public func attachments(on target: EntityID? = nil, includingRemoved: Bool = false) throws -> [StoredAttachment] {
        var sql = Self.attachmentSelect + " WHERE 1"
        var arguments: StatementArguments = []
        if let target { sql += " AND a.target = ?"; arguments += [target.hex] }
        if !includingRemoved { sql += " AND NOT EXISTS (SELECT 1 FROM attachment_removal r WHERE r.attachment = a.id)" }
        return try read { db in try Row.fetchAll(db, sql: sql + " ORDER BY a.hlc_ms, a.hlc_c, a.id", arguments: arguments).compactMap(Self.attachment) }
    }

    public func attachment(_ id: EntityID) throws -> StoredAttachment? {
        try read { db in
            try Row.fetchOne(db, sql: Self.attachmentSelect + " WHERE a.id = ?", arguments: [id.hex]).flatMap(Self.attachment)
        }
    }

    /// Attachments by `author` not removed: those whose chunks this profile writes to its folders.
    public func attachments(by author: FeedID) throws -> [StoredAttachment] {
        try read { db in
            try Row.fetchAll(db, sql: Self.attachmentSelect + """
                 WHERE a.author = ? AND NOT EXISTS (SELECT 1 FROM attachment_removal r WHERE r.attachment = a.id)
                 ORDER BY a.hlc_ms, a.hlc_c, a.id
                """, arguments: [author.hex]).compactMap(Self.attachment)
        }
    }

    /// Attachments whose name, media type or indexed text matches every word of `query` (as
    /// prefixes, as `search` reads posts), not removed, newest first.
    public func searchAttachments(_ query: String, limit: Int = 50) throws -> [StoredAttachment] {
        guard let pattern = FTS5Pattern(matchingAllPrefixesIn: query.replacingOccurrences(of: "*", with: " ")) else { return [] }
        return try read { db in
            try Row.fetchAll(db, sql: Self.attachmentSelect + """
                 WHERE (a.id IN (SELECT id FROM attachment_fts WHERE attachment_fts MATCH ?1)
                        OR a.sha256 IN (SELECT sha256 FROM attachment_text_fts WHERE attachment_text_fts MATCH ?1))
                   AND NOT EXISTS (SELECT 1 FROM attachment_removal r WHERE r.attachment = a.id)
                 ORDER BY a.hlc_ms DESC, a.id LIMIT ?2
                """, arguments: [pattern, limit]).compactMap(Self.attachment)
        }
    }

    /// Keeps the text of a fetched file for search (local, by the file's hash; once per file).
    public func indexAttachmentText(sha256: String, text: String) throws {
        try writeLocal { db in
            guard try !(Bool.fetchOne(db, sql: "SELECT 1 FROM attachment_text_fts WHERE sha256 = ?", arguments: [sha256]) ?? false)
            else { return }
            try db.execute(sql: "INSERT INTO attachment_text_fts (sha256, text) VALUES (?, ?)", arguments: [sha256, text])
        }
    }

    public func isAttachmentTextIndexed(sha256: String) throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM attachment_text_fts WHERE sha256 = ?", arguments: [sha256]) ?? false }
    }

    /// The attachments whose chunks this profile wrote to `folder`, under whichever epoch: an
    /// epoch that follows leaves them where they are (its members hold the earlier keys).
    public func exportedAttachments(folder: String) throws -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT attachment FROM chunk_export WHERE folder = ?", arguments: [folder]))
        }
    }

    /// Records that `folder` holds every chunk of `id`, written under `epoch` ("" when open).
    public func markAttachmentExported(_ id: EntityID, folder: String, epoch: String) throws {
        try writeLocal { db in
            try db.execute(sql: "INSERT OR IGNORE INTO chunk_export (folder, attachment, epoch) VALUES (?, ?, ?)",
                           arguments: [folder, id.hex, epoch])
        }
    }

    static let attachmentSelect = """
        SELECT a.id, a.target, a.kind, a.author, a.hlc_ms, a.name, a.media_type, a.size, a.sha256, a.chunks,
               EXISTS (SELECT 1 FROM attachment_removal r WHERE r.attachment = a.id),
               (SELECT m.name FROM member m JOIN feed f ON f.id = m.feed WHERE f.hex = a.author)
        FROM attachment a
        """

    static func attachment(_ row: Row) -> StoredAttachment? {
        guard let id = EntityID(hex: row[0]), let target = EntityID(hex: row[1]), let author = FeedID(hex: row[3]) else { return nil }
        let manifest = AttachmentManifest(name: row[5], mediaType: row[6], size: row[7], sha256: row[8], chunks: AttachmentJSON.chunks(row[9]))
        return StoredAttachment(id: id, target: target, kind: row[2], author: author, authorName: row[11], createdMillis: row[4],
                                manifest: manifest, removed: row[10])
    }
}
