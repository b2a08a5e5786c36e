import IntersessionCore
import IntersessionStore
import IntersessionSync

/// Whether a sync fetches every attachment's chunks as they arrive, or `attachment get` fetches
/// them when asked (the default): a per-profile setting kept in the store's `setting` table.
public enum AttachmentFetchMode: String, Sendable, CaseIterable {
    case onDemand = "on-demand"
    case always

    static let settingKey = "attachments.fetch"
}

extension Actions {
    public func attachmentFetchMode() throws -> AttachmentFetchMode {
        try store.setting(AttachmentFetchMode.settingKey).flatMap(AttachmentFetchMode.init(rawValue:)) ?? .onDemand
    }

    public func setAttachmentFetchMode(_ typed: String) throws -> AttachmentFetchMode {
        guard let mode = AttachmentFetchMode(rawValue: typed) else { throw AttachmentError.badFetchMode(typed.terminalSafe) }
        try store.setSetting(AttachmentFetchMode.settingKey, to: mode == .onDemand ? nil : mode.rawValue)
        return mode
    }

    /// What moving attachments' chunks did in a sync.
    public struct AttachmentExchange: Sendable, Equatable {
        public var written = 0
        /// Attachments whose every chunk this profile now holds, fetched in this sync.
        public var completed = 0
        public var problems: [SyncReport.Problem] = []
    }

    /// After a sync: writes to its folders the chunks of this profile's attachments and of
    /// every attachment its cache holds whole (a relay between folders, a copy that heals one);
    /// writes again a chunk a window of remembered copies finds gone or changed; and with
    /// `always`, fetches the chunks that have arrived of every attachment not yet whole here.
    /// An attachment once whole here is remembered as such, so that no sync stats its chunks.
    public func exchangeAttachments() throws -> AttachmentExchange {
        var exchange = AttachmentExchange()
        guard !folders.isEmpty, try store.groupID() != nil else { return exchange }
        // A sync with nothing to move loads no sealing: a few queries and a window of stats.
        let always = try attachmentFetchMode() == .always
        let complete = always ? try store.completeAttachments() : []
        let wanting = always ? try store.attachments().filter { !complete.contains($0.id.hex) && !isWhole($0) } : []
        var placing = false
        for folder in folders where !placing { placing = try store.hasAttachmentsToPlace(folder: folder, author: me) }
        let changed = try ChunkCopyCheck(store: store).changed(in: folders)
        guard placing || !changed.isEmpty || !wanting.isEmpty else { return exchange }
        let transfer = try ChunkTransfer(store: store, device: key, cache: chunkCache)
        if !changed.isEmpty { exchange.written += try transfer.heal(changed) }
        for attachment in wanting {
            let fetched = try transfer.fetch(attachment.manifest, from: folders)
            exchange.problems += fetched.firstReported
            guard fetched.isComplete, let bytes = transfer.assemble(attachment.manifest) else { continue }
            exchange.completed += 1
            try store.markAttachmentComplete(attachment.id)
            try indexTextIfCheap(attachment.manifest, bytes)
        }
        // After the fetches: what was just fetched is carried to the other folders at once.
        exchange.written += try transfer.export(placing: me, to: folders)
        return exchange
    }

    /// Whether the cache holds every chunk of `attachment` (remembered when it does).
    func isWhole(_ attachment: StoredAttachment) -> Bool {
        guard attachmentParts(attachment).held == attachment.manifest.chunks.count else { return false }
        try? store.markAttachmentComplete(attachment.id)
        return true
    }
}
