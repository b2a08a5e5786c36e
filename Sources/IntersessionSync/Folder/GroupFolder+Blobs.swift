import Foundation
import IntersessionCore

/// Attachments in a group folder, `blobs/<name>`: content-addressed by the SHA-256 of their
/// bytes; in a sealed folder sealed like a segment, under the current epoch, and named by an
/// HMAC of that hash, so that neither the bytes nor a known file's hash can be looked for.
extension GroupFolder {
    public static let maximumBlobBytes = 64 * 1024 * 1024
    public var blobsPath: String { path + "/blobs" }

    public func blobPath(_ hash: String) -> String { blobsPath + "/" + (sealing?.names.blobFile(hash) ?? hash) }

    /// Writes `bytes` (unless the folder holds them already) and returns their hash.
    @discardableResult
    public func writeBlob(_ bytes: [UInt8]) throws(FolderError) -> String {
        var hasher = ContentHasher()
        hasher.update(bytes)
        let hash = hasher.finalizeHex()
        let path = blobPath(hash)
        guard (try? readBlob(hash)) == nil else { return hash }
        // A sealed file's contents end in a byte that is not zero: the blob's end is marked.
        let stored = try sealing?.seal(bytes + [0x01]) ?? bytes
        try makeDirectory(blobsPath)
        try write(stored, to: path)
        return hash
    }

    /// The blob whose bytes hash to `hash`, opened and checked; nil when the folder lacks it.
    public func readBlob(_ hash: String) throws -> [UInt8]? {
        let path = blobPath(hash)
        guard let status = FileStatus(path: path) else { return nil }
        guard status.size <= Int64(Self.maximumBlobBytes + 65_536) else { throw FolderError.tooLarge(path, status.size) }
        var bytes = try read(path, limit: Self.maximumBlobBytes + 65_536)
        if let sealing {
            bytes = try sealing.open(bytes)
            guard bytes.last == 0x01 else { throw SegmentError.sealedDamaged }
            bytes.removeLast()
        }
        var hasher = ContentHasher()
        hasher.update(bytes)
        guard hasher.finalizeHex() == hash else { throw SegmentError.checksumMismatch }
        return bytes
    }
}
