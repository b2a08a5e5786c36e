import Crypto

/// Incremental SHA-256 for the layers above, which do not import the crypto library themselves.
public struct ContentHasher {
    var hasher = SHA256()

    public init() {}

    public mutating func update(_ bytes: [UInt8]) { hasher.update(data: bytes) }

    /// Hashes part of a buffer in place, without copying it out.
    public mutating func update(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) } }

    public mutating func update(_ text: String) { hasher.update(data: Array(text.utf8)) }

    public func finalizeHex() -> String { Hex.encode(hasher.finalize()) }
}
