import GRDB
import IntersessionCore

/// The local facts that let chunks heal and relay cheaply (v19-attachment-copies): which
/// attachments this cache holds whole, and which chunk files this profile knows a folder holds.
extension AppDatabase {
    /// Remembers that this cache holds every chunk of `id` (after an attach, or a fetch that completed).
    public func markAttachmentComplete(_ id: EntityID) throws {
        try writeLocal { db in
            try db.execute(sql: "INSERT OR IGNORE INTO attachment_complete (attachment) VALUES (?)", arguments: [id.hex])
        }
    }

    /// Forgets it: a chunk of it was found gone or damaged in the cache.
    public func forgetAttachmentComplete(_ id: EntityID) throws {
        try writeLocal { db in try db.execute(sql: "DELETE FROM attachment_complete WHERE attachment = ?", arguments: [id.hex]) }
    }

    public func completeAttachments() throws -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT attachment FROM attachment_complete")) }
    }

    /// The attachments, not removed, that this profile should place in `folder` and has not:
    /// its own, and those its cache holds whole (a relay, or a copy that heals a folder).
    public func attachmentsToPlace(folder: String, author: FeedID) throws -> [StoredAttachment] {
        try read { db in
            try Row.fetchAll(db, sql: Self.attachmentSelect + Self.toPlace + " ORDER BY a.hlc_ms, a.hlc_c, a.id",
                             arguments: [author.hex, folder]).compactMap(Self.attachment)
        }
    }

    /// Whether `attachmentsToPlace` has any: what a sync asks of every folder, with one column
    /// read instead of a whole manifest's.
    public func hasAttachmentsToPlace(folder: String, author: FeedID) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM attachment a" + Self.toPlace + ")",
                              arguments: [author.hex, folder]) ?? false
        }
    }

    private static let toPlace = """
         WHERE (a.author = ?1 OR a.id IN (SELECT attachment FROM attachment_complete))
           AND NOT EXISTS (SELECT 1 FROM attachment_removal r WHERE r.attachment = a.id)
           AND NOT EXISTS (SELECT 1 FROM chunk_export e WHERE e.folder = ?2 AND e.attachment = a.id)
        """

    /// Remembers that `folder` holds chunk `hash` as the file `name` below it, of that size and time.
    public func recordChunkCopy(_ copy: ChunkCopy) throws {
        try writeLocal { db in
            try db.execute(sql: "INSERT OR REPLACE INTO chunk_copy (folder, hash, name, size, mtime) VALUES (?, ?, ?, ?, ?)",
                           arguments: [copy.folder, copy.hash, copy.name, copy.size, copy.mtime])
        }
    }

    public func forgetChunkCopy(folder: String, hash: String) throws {
        try writeLocal { db in try db.execute(sql: "DELETE FROM chunk_copy WHERE folder = ? AND hash = ?", arguments: [folder, hash]) }
    }

    /// Up to `limit` copies remembered in `folder`, by hash, from just after `hash` (the first when nil).
    public func chunkCopies(folder: String, after hash: String?, limit: Int) throws -> [ChunkCopy] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT folder, hash, name, size, mtime FROM chunk_copy WHERE folder = ? AND hash > ? ORDER BY hash LIMIT ?
                """, arguments: [folder, hash ?? "", limit]).map { row in
                ChunkCopy(folder: row[0], hash: row[1], name: row[2], size: row[3], mtime: row[4])
            }
        }
    }
}

/// A chunk file a folder holds, as this profile last saw it there.
public struct ChunkCopy: Sendable, Equatable {
    public var folder: String
    public var hash: String
    /// Its path below the folder's root: the group's folder, `blobs/`, and the hash (in a sealed
    /// folder, its name under an epoch).
    public var name: String
    public var size: Int64
    public var mtime: Int64

    public init(folder: String, hash: String, name: String, size: Int64, mtime: Int64) {
        self.folder = folder
        self.hash = hash
        self.name = name
        self.size = size
        self.mtime = mtime
    }
}
