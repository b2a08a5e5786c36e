/// What an `attachment.add` says of its file: enough to fetch its chunks, check each and the
/// whole, and show it. Every field comes from a change, so from a signer who may lie: the rules
/// accept a manifest only when `isValid`, and a reader still checks every byte it fetches.
public struct AttachmentManifest: Sendable, Hashable {
    public struct Chunk: Sendable, Hashable {
        /// SHA-256 of the chunk's bytes, lower-case hex.
        public var hash: String
        public var size: Int64

        public init(hash: String, size: Int64) {
            self.hash = hash
            self.size = size
        }
    }

    /// The file's name as its author gave it: hostile, shown only through `terminalSafe` and
    /// saved only under `AttachmentName.safeFileName`.
    public var name: String
    public var mediaType: String
    public var size: Int64
    /// SHA-256 of the whole file, lower-case hex.
    public var sha256: String
    public var chunks: [Chunk]

    public init(name: String, mediaType: String, size: Int64, sha256: String, chunks: [Chunk]) {
        self.name = name
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
        self.chunks = chunks
    }

    /// The manifest of `bytes`, cut by `chunker`.
    public static func of(_ bytes: [UInt8], name: String, mediaType: String, chunker: ContentChunker = .standard) -> AttachmentManifest {
        let chunks = chunker.ranges(of: bytes).map { range in
            Chunk(hash: Self.hash(bytes[range]), size: Int64(range.count))
        }
        return AttachmentManifest(name: name, mediaType: mediaType, size: Int64(bytes.count), sha256: hash(bytes[...]), chunks: chunks)
    }

    public static func hash(_ bytes: ArraySlice<UInt8>) -> String {
        var hasher = ContentHasher()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// Within the limits, chunk sizes adding up to the size, hashes that are hashes.
    public var isValid: Bool {
        guard (0...AttachmentLimits.fileBytes).contains(size), AttachmentName.isValid(name), Self.isMediaType(mediaType),
            Self.isHash(sha256), chunks.count <= AttachmentLimits.chunkCount, size > 0 || chunks.isEmpty
        else { return false }
        var total: Int64 = 0
        for chunk in chunks {
            guard Self.isHash(chunk.hash), (1...Int64(AttachmentLimits.chunkBytes)).contains(chunk.size) else { return false }
            total += chunk.size
        }
        return total == size
    }

    static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// `type/subtype`, printable ASCII without spaces.
    static func isMediaType(_ text: String) -> Bool {
        (3...127).contains(text.utf8.count) && text.utf8.allSatisfy { (0x21...0x7E).contains($0) }
            && text.utf8.filter { $0 == 0x2F }.count == 1
    }

    var json: [String: JSONValue] {
        ["name": .string(name), "type": .string(mediaType), "size": .int(size), "sha256": .string(sha256),
         "chunks": .array(chunks.map { .array([.string($0.hash), .int($0.size)]) })]
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        name = try fields.string("name")
        mediaType = try fields.string("type")
        size = try fields.int("size")
        sha256 = try fields.string("sha256")
        guard let list = fields.fields["chunks"]?.arrayValue else { throw .badField("chunks", "must be a list") }
        var chunks: [Chunk] = []
        for entry in list {
            guard let pair = entry.arrayValue, pair.count == 2, let hash = pair[0].stringValue, let size = pair[1].intValue else {
                throw .badField("chunks", "must hold [hash, size] pairs")
            }
            chunks.append(Chunk(hash: hash, size: size))
        }
        self.chunks = chunks
    }
}

/// The limits of attachments (documented in the SharedFolderFormat article).
public enum AttachmentLimits {
    /// 50 MiB: the largest file that may be attached, checked from its size before it is read.
    public static let fileBytes: Int64 = 50 << 20
    /// The largest chunk `ContentChunker.standard` cuts.
    public static let chunkBytes = 4 << 20
    public static let chunkCount = 1024
    public static let nameBytes = 255
}
