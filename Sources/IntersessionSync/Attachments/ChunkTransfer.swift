import Foundation
import IntersessionCore
import IntersessionStore

/// Moves attachments' chunks between this profile's cache and its shared folders: writes the
/// chunks of attachments made here to each folder (once per folder and epoch, remembered in the
/// store), and fetches the chunks an attachment lacks, each checked, a bad file reported once
/// (where sync records bad files) and never used. Segments travel by `SyncEngine`; this never
/// touches its import.
public struct ChunkTransfer {
    public let store: AppDatabase
    public let cache: ChunkCache
    let sealing: FolderSealing?
    let group: GroupID

    public init(store: AppDatabase, device: DeviceKey?, cache: ChunkCache) throws {
        guard let group = try store.groupID() else { throw StoreError.noGroup }
        self.store = store
        self.cache = cache
        self.group = group
        sealing = try FolderSealing.load(store: store, device: device)
    }

    /// What a fetch found: how many chunks the cache now holds of how many, and the bad files.
    public struct Fetched: Sendable, Equatable {
        public var held: Int
        public var total: Int
        public var problems: [SyncReport.Problem]
        /// The problems not reported before (what a sync lists, once).
        public var firstReported: [SyncReport.Problem] = []
        public var isComplete: Bool { held == total }
    }

    func folder(_ root: String) -> GroupFolder { GroupFolder(root: root, group: group, sealing: sealing) }

    /// Writes to each of `folders` the chunks of the attachments it should hold and this profile
    /// has not placed there yet: `author`'s own, and every one this cache holds whole (so a
    /// profile syncing two folders carries chunks from one to the other, and a folder that lost
    /// a chunk gets it from whoever holds it). The author's own under the current epoch (a chunk
    /// the folder holds only under an earlier epoch is written again: nothing new is readable
    /// with a key a removed member kept); another's only where the folder lacks them whole;
    /// each copy is remembered (`ChunkCopyCheck` looks at them again).
    /// Returns how many chunk files it wrote. An attachment whose chunks this cache lacks in
    /// part is left for a later sync.
    @discardableResult
    public func export(placing author: FeedID, to folders: [String]) throws -> Int {
        let epoch = sealing.map { $0.current?.id ?? "" } ?? ""
        if sealing != nil, epoch.isEmpty { return 0 }
        var written = 0
        for root in folders where FileStatus(path: root)?.isDirectory == true {
            let folder = folder(root)
            for attachment in try store.attachmentsToPlace(folder: root, author: author) {
                guard let count = try? write(attachment.manifest, to: folder, relaying: attachment.author != author) else {
                    // The cache lost part of it: fetched again before it is carried anywhere.
                    try store.forgetAttachmentComplete(attachment.id)
                    continue
                }
                written += count
                try store.markAttachmentExported(attachment.id, folder: root, epoch: epoch)
            }
        }
        return written
    }

    /// Writes the chunks of `manifest` the folder lacks. The author's own are written under the
    /// current epoch; another's, carried on (`relaying`), are left where the folder holds them
    /// whole under any epoch its members hold, as the author wrote them.
    private func write(_ manifest: AttachmentManifest, to folder: GroupFolder, relaying: Bool) throws -> Int {
        var written = 0
        for chunk in manifest.chunks {
            guard let bytes = cache.read(chunk.hash, size: chunk.size) else { throw FolderError.unreadable(cache.path(chunk.hash)) }
            if relaying, let held = folder.chunkPaths(chunk.hash).first(where: { folder.readChunk(at: $0, hash: chunk.hash, size: chunk.size).isFound }) {
                try remember(chunk.hash, at: held, in: folder)
                continue
            }
            if try folder.writeChunk(bytes, hash: chunk.hash) { written += 1 }
            try remember(chunk.hash, at: try folder.chunkWritePath(chunk.hash), in: folder)
        }
        return written
    }

    /// Records the file at `path` as the folder's copy of `hash`, as it is now.
    func remember(_ hash: String, at path: String, in folder: GroupFolder) throws {
        guard let status = FileStatus(entry: path) else { return }
        let name = String(path.dropFirst(folder.root.count + 1))
        try store.recordChunkCopy(ChunkCopy(folder: folder.root, hash: hash, name: name, size: status.size, mtime: status.mtime))
    }

    /// Fetches into the cache the chunks of `manifest` it lacks, from the first of `folders`
    /// holding each whole; `progress` hears the bytes held so far after each chunk.
    public func fetch(_ manifest: AttachmentManifest, from folders: [String], progress: (Int64) -> Void = { _ in }) throws -> Fetched {
        var fetched = Fetched(held: 0, total: manifest.chunks.count, problems: [])
        var bytesHeld: Int64 = 0
        let groupFolders = folders.map(folder)
        for chunk in manifest.chunks {
            if !cache.holds(chunk.hash, size: chunk.size) || cache.read(chunk.hash, size: chunk.size) == nil {
                guard try fetchChunk(chunk, from: groupFolders, into: &fetched) else { continue }
            }
            fetched.held += 1
            bytesHeld += chunk.size
            progress(bytesHeld)
        }
        return fetched
    }

    private func fetchChunk(_ chunk: AttachmentManifest.Chunk, from folders: [GroupFolder], into fetched: inout Fetched) throws -> Bool {
        for folder in folders {
            switch folder.readChunk(chunk.hash, size: chunk.size) {
            case .missing: continue
            case .found(let bytes):
                try cache.write(bytes, hash: chunk.hash)
                return true
            case .bad(let path, let reason):
                let problem = SyncReport.Problem(path: path, reason: "attachment chunk: " + reason)
                fetched.problems.append(problem)
                if try record(problem) { fetched.firstReported.append(problem) }
            }
        }
        return false
    }

    /// Reports a bad chunk file where sync reports bad segments (`bad_file`), once per version of it.
    private func record(_ problem: SyncReport.Problem) throws -> Bool {
        let status = FileStatus(entry: problem.path)
        let size = status?.size ?? 0, mtime = status?.mtime ?? 0
        guard try !store.wasReported(path: problem.path, size: size, mtime: mtime) else { return false }
        try store.recordBadFile(path: problem.path, size: size, mtime: mtime, reason: problem.reason)
        return true
    }

    /// The whole file, from the cache, checked against the manifest's hash; nil when a chunk is
    /// missing or the whole does not match.
    public func assemble(_ manifest: AttachmentManifest) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(manifest.size))
        for chunk in manifest.chunks {
            guard let part = cache.read(chunk.hash, size: chunk.size) else { return nil }
            bytes += part
        }
        guard Int64(bytes.count) == manifest.size, AttachmentManifest.hash(bytes[...]) == manifest.sha256 else { return nil }
        return bytes
    }
}
