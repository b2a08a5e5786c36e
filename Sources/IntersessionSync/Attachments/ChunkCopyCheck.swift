import Foundation
import IntersessionCore
import IntersessionStore

/// Chunks that heal: the chunk files this profile wrote to a folder or found there whole are
/// looked at again, a window of `windowSize` of them per folder at each sync (one `stat` each,
/// never a read), the window moving on so that every copy is looked at within a few syncs
/// while a sync with nothing new stays as cheap with a thousand attachments as with ten
/// (issue 14; the idea of `SeenFileCheck`). A copy gone, or not the size and time it had, is
/// read again and, when it is not the chunk, written again from this cache (`heal`), by any
/// profile that holds the chunk, not only by the attachment's author.
public struct ChunkCopyCheck {
    public let store: AppDatabase
    public static let windowSize = 64

    public init(store: AppDatabase) { self.store = store }

    /// The copies of the window that are not as remembered, the window moved on past them.
    public func changed(in folders: [String]) throws -> [ChunkCopy] {
        var changed: [ChunkCopy] = []
        for root in folders {
            let key = "chunk-check:" + root
            let start = try store.setting(key)
            var window = try store.chunkCopies(folder: root, after: start, limit: Self.windowSize)
            if window.count < Self.windowSize, start != nil {
                // Round again from the first copy, up to where this window began.
                window += try store.chunkCopies(folder: root, after: nil, limit: Self.windowSize - window.count)
                    .filter { copy in start.map { copy.hash <= $0 } ?? true }
            }
            guard !window.isEmpty else { continue }
            changed += window.filter { copy in
                guard let status = FileStatus(entry: root + "/" + copy.name) else { return true }
                return status.isSymbolicLink || status.size != copy.size || status.mtime != copy.mtime
            }
            if window.last?.hash != start { try store.setSetting(key, to: window.last?.hash) }
        }
        return changed
    }
}

extension ChunkTransfer {
    /// Makes each folder hold again the chunk of each copy found changed: the copy is read and
    /// checked; when it is not the chunk (gone, altered) and this cache holds the chunk, it is
    /// written again under the current epoch. A copy this cache cannot restore is forgotten.
    /// Returns how many chunk files it wrote.
    @discardableResult
    public func heal(_ copies: [ChunkCopy]) throws -> Int {
        var written = 0
        for copy in copies {
            let folder = folder(copy.folder)
            guard let size = FileStatus(entry: cache.path(copy.hash))?.size, let bytes = cache.read(copy.hash, size: size) else {
                try store.forgetChunkCopy(folder: copy.folder, hash: copy.hash)
                continue
            }
            let path = folder.root + "/" + copy.name
            if case .found = folder.readChunk(at: path, hash: copy.hash, size: size) {
                try remember(copy.hash, at: path, in: folder)
                continue
            }
            guard (try? folder.writeChunk(bytes, hash: copy.hash)) != nil, let rewritten = try? folder.chunkWritePath(copy.hash) else { continue }
            written += 1
            try remember(copy.hash, at: rewritten, in: folder)
        }
        return written
    }
}
