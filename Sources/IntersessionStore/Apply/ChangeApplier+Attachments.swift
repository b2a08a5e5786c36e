import Foundation
import GRDB
import IntersessionCore

/// Carries out the mutations of attachments, and answers the rules' questions about them.
extension ChangeApplier {
    func executeAttachment(_ mutation: AttachmentMutation) throws {
        switch mutation {
        case .add(let id, let add, let stamp):
            let manifest = add.manifest
            try db.execute(sql: """
                INSERT OR IGNORE INTO attachment (id, target, kind, author, seq, hlc_ms, hlc_c, name, media_type, size, sha256, chunks)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id.hex, add.target.hex, add.kind, stamp.author.hex, stamp.seq, stamp.hlc.millis, stamp.hlc.counter,
                                 manifest.name, manifest.mediaType, manifest.size, manifest.sha256, AttachmentJSON.chunks(manifest.chunks)])
            guard db.changesCount > 0 else { return }
            try db.execute(sql: "INSERT INTO attachment_fts (id, name, media) VALUES (?, ?, ?)",
                           arguments: [id.hex, manifest.name, manifest.mediaType])
        case .remove(let attachment, let stamp):
            try db.execute(sql: "INSERT OR IGNORE INTO attachment_removal (attachment, author, seq) VALUES (?, ?, ?)",
                           arguments: [attachment.hex, stamp.author.hex, stamp.seq])
        }
    }

    func attachment(_ id: EntityID) throws -> AttachmentFacts? {
        guard let row = try Row.fetchOne(db, sql: "SELECT author, target FROM attachment WHERE id = ?", arguments: [id.hex]),
            let author = FeedID(hex: row[0]), let target = EntityID(hex: row[1])
        else { return nil }
        return AttachmentFacts(author: author, target: target)
    }
}

/// How the `attachment` table keeps a manifest's chunks: `[[hash, size], …]` as canonical JSON.
enum AttachmentJSON {
    static func chunks(_ chunks: [AttachmentManifest.Chunk]) -> String {
        String(decoding: CanonicalJSON.encode(.array(chunks.map { .array([.string($0.hash), .int($0.size)]) })), as: UTF8.self)
    }

    static func chunks(_ text: String) -> [AttachmentManifest.Chunk] {
        guard let list = try? JSONParser.parse(Array(text.utf8)).arrayValue else { return [] }
        return list.compactMap { entry in
            guard let pair = entry.arrayValue, pair.count == 2, let hash = pair[0].stringValue, let size = pair[1].intValue else { return nil }
            return AttachmentManifest.Chunk(hash: hash, size: size)
        }
    }
}
