import Crypto

/// The name of an attachment's chunk in a sealed folder's `blobs/`: an HMAC-SHA256 of its hash
/// under a key derived from the epoch it is sealed under, not from the genesis. So a removed
/// member, who keeps the genesis (and with it every other name), cannot even tell whether a
/// chunk of a file they guess was added after their removal, and a chunk is written once per
/// epoch: a new file sharing a chunk that the folder holds only under an earlier epoch writes it
/// again under the current one (the SharedFolderFormat article, "Attachments").
public enum ChunkNames {
    public static func name(_ hash: String, epochKey: SymmetricKey) -> String {
        let key = EpochKeys.derived(epochKey, "intersession-chunk-names-v1")
        return Hex.encode(Array(HMAC<SHA256>.authenticationCode(for: Array(("chunk:" + hash).utf8), using: key)))
    }

    /// Whether `name` can be a chunk's name (open or sealed: 64 lower-case hex digits).
    public static func isChunkName(_ name: String) -> Bool {
        name.utf8.count == 64 && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
