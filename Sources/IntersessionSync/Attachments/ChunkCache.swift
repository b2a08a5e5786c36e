import Foundation
import IntersessionCore

#if canImport(Glibc)
import Glibc
#endif

/// This profile's copy of attachments' chunks: files named by their SHA-256 in a folder beside
/// the store (`<home>/attachments/`), not in the store, so that a gigabyte of attachments never
/// passes through SQLite's WAL, a rebuild or an integrity check never reads it, and a backup of
/// the store stays small; a chunk's name is its hash, so every read is checked. Each is written
/// to a temporary name and renamed (`AtomicFile`): an interrupted fetch leaves whole chunks only,
/// and the next fetch takes up from them.
public struct ChunkCache: Sendable {
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// The cache of the store at `storePath`; a store in memory (tests) gets a fresh one in the
    /// temporary folder.
    public static func beside(storePath: String) -> ChunkCache {
        guard storePath != ":memory:", !storePath.isEmpty else {
            return ChunkCache(folder: NSTemporaryDirectory() + "intersession-chunks-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        }
        return ChunkCache(folder: URL(fileURLWithPath: storePath).deletingLastPathComponent().appendingPathComponent("attachments").path)
    }

    func path(_ hash: String) -> String { folder + "/" + hash }

    /// Whether the cache holds a file for `hash` of `size` bytes (not read: `read` checks it).
    public func holds(_ hash: String, size: Int64) -> Bool {
        guard ChunkNames.isChunkName(hash), let status = FileStatus(entry: path(hash)) else { return false }
        return !status.isSymbolicLink && status.size == size
    }

    /// The chunk, checked against its hash; nil when absent or not the chunk (then removed, so
    /// that it is fetched again).
    public func read(_ hash: String, size: Int64) -> [UInt8]? {
        guard holds(hash, size: size), let bytes = try? Files.read(path(hash), limit: Int(size)) else { return nil }
        guard AttachmentManifest.hash(bytes[...]) == hash else {
            unlink(path(hash))
            return nil
        }
        return bytes
    }

    /// Keeps a chunk whose hash was checked by the caller.
    public func write(_ bytes: [UInt8], hash: String) throws(FolderError) {
        guard ChunkNames.isChunkName(hash) else { throw .cannotWrite(path(hash), "not a chunk's name") }
        if holds(hash, size: Int64(bytes.count)) { return }
        try makeFolder()
        try AtomicFile.write(bytes, to: path(hash), below: folder)
    }

    func makeFolder() throws(FolderError) {
        guard FileStatus(entry: folder)?.isDirectory != true else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotWrite(folder, error.localizedDescription)
        }
    }
}
