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

    /// After a sync: writes the chunks of this profile's attachments to its folders, and with
    /// `always`, fetches the chunks that have arrived of every attachment not yet whole here.
    public func exchangeAttachments() throws -> AttachmentExchange {
        var exchange = AttachmentExchange()
        guard !folders.isEmpty, try store.groupID() != nil else { return exchange }
        // A sync with no attachment to move loads no sealing: it costs one query or two.
        let always = try attachmentFetchMode() == .always
        let wanting = always ? try store.attachments().filter { attachmentParts($0).held < $0.manifest.chunks.count } : []
        var mine = try store.attachments(by: me)
        var written = Set<String>()
        for folder in folders { written.formUnion(try store.exportedAttachments(folder: folder).map { folder + " " + $0 }) }
        mine = mine.filter { attachment in folders.contains { !written.contains($0 + " " + attachment.id.hex) } }
        guard !mine.isEmpty || !wanting.isEmpty else { return exchange }
        let transfer = try ChunkTransfer(store: store, device: key, cache: chunkCache)
        if !mine.isEmpty { exchange.written = try transfer.export(attachmentsBy: me, to: folders) }
        for attachment in wanting {
            let fetched = try transfer.fetch(attachment.manifest, from: folders)
            exchange.problems += fetched.firstReported
            guard fetched.isComplete else { continue }
            exchange.completed += 1
            if let bytes = transfer.assemble(attachment.manifest) { try indexTextIfCheap(attachment.manifest, bytes) }
        }
        return exchange
    }
}
