import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// Attachments: add a file to a post, a draft or an agenda item; list; fetch the chunks from
/// the folders and save the file, checked; remove. The size cap is checked from the file's size
/// before a byte is read; the chunks go to this profile's cache first and to the folders at the
/// next sync (`exchangeAttachments`).
extension Actions {
    /// Attaches the file at `path` to the post, draft or agenda item `target` (an id prefix).
    @discardableResult
    public func attach(file path: String, to target: String) throws -> EntityID {
        let bytes = try Self.readAttachable(path)
        try adoptOwnChanges()
        let (id, kind) = try attachmentTarget(target)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let manifest = AttachmentManifest.of(bytes, name: name, mediaType: AttachmentName.mediaType(of: name))
        let cache = chunkCache
        for (chunk, range) in zip(manifest.chunks, ContentChunker.standard.ranges(of: bytes)) {
            try cache.write(Array(bytes[range]), hash: chunk.hash)
        }
        try indexTextIfCheap(manifest, bytes)
        let attachment = try sign([.attachment(.add(AttachmentAdd(target: id, kind: kind, manifest: manifest)))]).entity(0)
        try store.markAttachmentComplete(attachment)
        return attachment
    }

    /// The bytes of a file to attach: refused over the cap from its size, before reading, and
    /// read no further than the cap if it grows meanwhile.
    static func readAttachable(_ path: String) throws -> [UInt8] {
        let name = URL(fileURLWithPath: path).lastPathComponent.terminalSafe
        guard let status = FileStatus(path: path) else { throw ActionError.cannotRead(path: path.terminalSafe) }
        guard !status.isDirectory else { throw AttachmentError.notAFile(path: path.terminalSafe) }
        guard status.size <= AttachmentLimits.fileBytes else {
            throw AttachmentError.tooLarge(name: name, bytes: status.size, limit: AttachmentLimits.fileBytes)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ActionError.cannotRead(path: path.terminalSafe) }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: Int(AttachmentLimits.fileBytes) + 1)) ?? Data()
        guard Int64(data.count) <= AttachmentLimits.fileBytes else {
            throw AttachmentError.tooLarge(name: name, bytes: Int64(data.count), limit: AttachmentLimits.fileBytes)
        }
        return Array(data)
    }

    /// What `typed` names that takes attachments, and its kind: a draft, an agenda item (whose
    /// id also names its thread's first post), else a post.
    public func attachmentTarget(_ typed: String) throws -> (EntityID, String) {
        // A practice first: its id is also its comment thread's.
        if let practice = try? resolvePractice(typed) { return (practice, AttachmentTarget.practice.kind) }
        if let draft = try? resolveDraft(typed) { return (draft, AttachmentTarget.draft.kind) }
        if let item = try? resolveAgendaItem(typed) { return (item, AttachmentTarget.agendaItem.kind) }
        if let post = try? resolvePost(typed) { return (post, AttachmentTarget.post.kind) }
        throw AttachmentError.noTarget(typed: typed.terminalSafe)
    }

    public func resolveAttachment(_ typed: String) throws -> EntityID { try entity(typed, as: .attachment) }

    /// Takes an attachment off its target (its author or a moderator), for good.
    public func removeAttachment(_ typed: String, reason: String? = nil) throws {
        try adoptOwnChanges()
        let id = try resolveAttachment(typed)
        guard let attachment = try store.attachment(id) else { throw StoreError.notFound(kind: "attachment", prefix: typed) }
        guard !attachment.removed else { throw AttachmentError.removed(attachment: id.short) }
        let facts = AttachmentFacts(author: attachment.author, target: attachment.target)
        guard AttachmentRules.mayRemove(facts, author: me, roles: try store.currentRoles(of: me)) else { throw ActionError.notModerator }
        try sign([.attachment(.remove(AttachmentRemove(attachment: id, reason: try reason.map(Input.body))))])
    }

    /// How many of an attachment's chunks this profile holds, and how many it has.
    public func attachmentParts(_ attachment: StoredAttachment) -> (held: Int, total: Int) {
        let cache = chunkCache
        return (attachment.manifest.chunks.filter { cache.holds($0.hash, size: $0.size) }.count, attachment.manifest.chunks.count)
    }

    /// Fetches the chunks `typed` lacks and writes the file to `out`, checked chunk by chunk and
    /// whole; never over an existing file unless `force`. Chunks fetched are kept even when
    /// others have not arrived, so the next try resumes; then `AttachmentError.partsMissing`.
    /// `progress` hears the bytes held so far and the size.
    @discardableResult
    public func saveAttachment(_ typed: String, to out: String, force: Bool = false,
                               progress: (Int64, Int64) -> Void = { _, _ in }) throws -> (attachment: StoredAttachment, problems: [SyncReport.Problem]) {
        let id = try resolveAttachment(typed)
        guard let attachment = try store.attachment(id) else { throw StoreError.notFound(kind: "attachment", prefix: typed) }
        guard !attachment.removed else { throw AttachmentError.removed(attachment: id.short) }
        if !force, FileManager.default.fileExists(atPath: out) { throw ActionError.fileExists(path: out.terminalSafe) }
        let (bytes, problems) = try fetchWhole(attachment, progress: progress)
        try Self.writeReplacing(bytes, to: out)
        return (attachment, problems)
    }

    /// The whole file of `attachment`, its chunks fetched into the cache as needed.
    func fetchWhole(_ attachment: StoredAttachment, progress: (Int64, Int64) -> Void) throws -> ([UInt8], [SyncReport.Problem]) {
        let transfer = try ChunkTransfer(store: store, device: key, cache: chunkCache)
        let manifest = attachment.manifest
        let name = manifest.name.terminalSafe
        var fetched = try transfer.fetch(manifest, from: folders) { progress($0, manifest.size) }
        var bytes = transfer.assemble(manifest)
        if bytes == nil, fetched.isComplete {
            // A cached chunk found damaged while assembling is dropped: fetch it once more.
            fetched = try transfer.fetch(manifest, from: folders) { progress($0, manifest.size) }
            bytes = transfer.assemble(manifest)
        }
        guard fetched.isComplete else { throw AttachmentError.partsMissing(name: name, held: fetched.held, total: fetched.total) }
        guard let bytes else { throw AttachmentError.wholeMismatch(name: name) }
        try store.markAttachmentComplete(attachment.id)
        try indexTextIfCheap(manifest, bytes)
        return (bytes, fetched.problems)
    }

    /// Fetches into the cache the chunks of `typed` that the folders hold and the cache lacks;
    /// says how many it holds of how many, and which files were bad (reported once, never used).
    public func fetchAttachmentParts(_ typed: String, progress: (Int64, Int64) -> Void = { _, _ in }) throws -> ChunkTransfer.Fetched {
        let id = try resolveAttachment(typed)
        guard let attachment = try store.attachment(id) else { throw StoreError.notFound(kind: "attachment", prefix: typed) }
        guard !attachment.removed else { throw AttachmentError.removed(attachment: id.short) }
        let transfer = try ChunkTransfer(store: store, device: key, cache: chunkCache)
        let fetched = try transfer.fetch(attachment.manifest, from: folders) { progress($0, attachment.manifest.size) }
        if fetched.isComplete { try store.markAttachmentComplete(attachment.id) }
        return fetched
    }

    /// Saves `typed` under a temporary folder of its own, by its name made safe; returns the path.
    public func saveAttachmentForOpening(_ typed: String, progress: (Int64, Int64) -> Void = { _, _ in }) throws -> String {
        let id = try resolveAttachment(typed)
        guard let attachment = try store.attachment(id) else { throw StoreError.notFound(kind: "attachment", prefix: typed) }
        let folder = NSTemporaryDirectory() + "intersession-open-" + id.short
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = folder + "/" + AttachmentName.safeFileName(attachment.name)
        try saveAttachment(typed, to: path, force: true, progress: progress)
        return path
    }

    /// Writes beside `path` under a temporary name, then renames over it.
    static func writeReplacing(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".partial-\(getpid())")
        do {
            try Data(bytes).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw ActionError.cannotWrite(path: path.terminalSafe) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ActionError.cannotWrite(path: path.terminalSafe)
        }
    }

    /// Indexes the text of a plain text or Markdown file up to `AttachmentSearch.textBytes`, when it is UTF-8.
    func indexTextIfCheap(_ manifest: AttachmentManifest, _ bytes: [UInt8]) throws {
        guard AttachmentName.isPlainText(manifest.mediaType), bytes.count <= AttachmentSearch.textBytes,
            try !store.isAttachmentTextIndexed(sha256: manifest.sha256), let text = String(validating: bytes, as: UTF8.self)
        else { return }
        try store.indexAttachmentText(sha256: manifest.sha256, text: text)
    }
}

public enum AttachmentSearch {
    /// Only text files up to 1 MiB are indexed in full: larger ones by name and type.
    public static let textBytes = 1 << 20
}
