import Foundation
import IntersessionCore

/// Attachments' chunks in a group folder's `blobs/`: in an open folder under their SHA-256, in
/// a sealed one sealed like a segment under the current epoch (the bytes and a 0x01 end mark)
/// and named by `ChunkNames` under that epoch's key. A reader looks under every epoch it holds;
/// nothing is followed through a link, and a file's size is checked before it is read.
extension GroupFolder {
    /// What looking for one chunk found.
    public enum ChunkLookup: Sendable, Equatable {
        /// Not there (yet), or a copy still arriving (shorter than a whole file).
        case missing
        case found([UInt8])
        /// There, and not the chunk: altered, damaged, or a link. Never used.
        case bad(path: String, reason: String)

        var isFound: Bool { if case .found = self { true } else { false } }
    }

    /// The largest file a chunk may be stored as: the chunk, its mark, Padmé's padding and the
    /// sealed stream's tags, with room to spare.
    static var maximumChunkFileBytes: Int { AttachmentLimits.chunkBytes + AttachmentLimits.chunkBytes / 8 + 65_536 }

    /// Where `hash` is written now: under the current epoch in a sealed folder.
    public func chunkWritePath(_ hash: String) throws(FolderError) -> String {
        guard let sealing else { return blobsPath + "/" + hash }
        guard let current = sealing.current else { throw .noCurrentKey }
        return blobsPath + "/" + ChunkNames.name(hash, epochKey: current.key)
    }

    /// Every place `hash` may be found with the keys held, the current epoch's first.
    public func chunkPaths(_ hash: String) -> [String] {
        guard let sealing else { return [blobsPath + "/" + hash] }
        let current = sealing.current.map { [$0] } ?? []
        return (current + sealing.keyring.entries.filter { $0.id != sealing.current?.id }).map {
            blobsPath + "/" + ChunkNames.name(hash, epochKey: $0.key)
        }
    }

    /// Writes a chunk unless the current epoch's name already holds it whole; returns whether
    /// it wrote. A file under that name that is not the chunk (altered) is replaced.
    @discardableResult
    public func writeChunk(_ bytes: [UInt8], hash: String) throws(FolderError) -> Bool {
        let path = try chunkWritePath(hash)
        if case .found = readChunk(at: path, hash: hash, size: Int64(bytes.count)) { return false }
        let stored = try sealing?.seal(bytes + [0x01]) ?? bytes
        try makeDirectory(blobsPath)
        try write(stored, to: path)
        return true
    }

    /// The chunk `hash` of `size` bytes, from the first place that holds it whole; a bad file
    /// is reported only when no place holds the chunk.
    public func readChunk(_ hash: String, size: Int64) -> ChunkLookup {
        var problem: ChunkLookup = .missing
        for path in chunkPaths(hash) {
            let lookup = readChunk(at: path, hash: hash, size: size)
            if case .found = lookup { return lookup }
            if case .bad = lookup { problem = lookup }
        }
        return problem
    }

    func readChunk(at path: String, hash: String, size: Int64) -> ChunkLookup {
        guard let status = FileStatus(entry: path) else { return .missing }
        if status.isSymbolicLink { return .bad(path: path, reason: FolderEntry.linkReason) }
        guard status.size <= Int64(Self.maximumChunkFileBytes) else {
            return .bad(path: path, reason: "\(status.size) bytes is over the limit of \(Self.maximumChunkFileBytes)")
        }
        if sealing == nil, status.size < size { return .missing }
        let bytes: [UInt8]
        do {
            bytes = try read(path, limit: Self.maximumChunkFileBytes)
        } catch {
            return .bad(path: path, reason: error.description)
        }
        var contents = bytes
        if let sealing {
            do {
                contents = try sealing.open(bytes)
            } catch {
                switch error {
                case .incomplete: return .missing
                case .sealedForOtherKey: return .bad(path: path, reason: SegmentError.sealedForOtherKey.description)
                default: return .bad(path: path, reason: SegmentError.sealedDamaged.description)
                }
            }
            guard contents.last == 0x01 else { return .bad(path: path, reason: SegmentError.sealedDamaged.description) }
            contents.removeLast()
        }
        guard Int64(contents.count) == size, AttachmentManifest.hash(contents[...]) == hash else {
            return .bad(path: path, reason: SegmentError.checksumMismatch.description)
        }
        return .found(contents)
    }
}
