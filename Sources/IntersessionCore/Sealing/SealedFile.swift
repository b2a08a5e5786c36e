import Crypto
import Foundation

/// A file of a sealed folder (the Sealing article): a 40-byte header, then the contents padded
/// to a Padmé length and sealed with `SealedStream` under an epoch key, the header as
/// associated data.
///
/// ```
/// "ISEALED1"  8 bytes
/// salt       16 bytes, fresh for each file
/// hint       16 bytes, HMAC-SHA256(hint key of the epoch, salt), cut: which key opens it
/// sealed stream of contents ‖ zero padding
/// ```
///
/// The contents never end in a zero byte (a segment ends with a line feed), so the padding is
/// the trailing zeros. Nothing in the header names the epoch: the hint only tells a holder of
/// the key that it is the one, and two files' hints cannot be linked without it.
public enum SealedFile {
    public static let magic = Array("ISEALED1".utf8)
    public static let hintBytes = 16
    public static let headerBytes = 8 + SealedStream.saltBytes + hintBytes

    public enum Failure: Error, Sendable, Equatable {
        /// Not a sealed file at all.
        case notSealed
        /// None of the keys held here opens it (an epoch not yet known here, or never to be).
        case noKey
        /// Its length is not one a whole sealed file has: cut short, or still being copied.
        case incomplete
        /// It claims one of our keys but does not authenticate: altered or damaged.
        case damaged
    }

    /// Seals `contents` under `key`. The salt is derived from the key and the contents (as in
    /// SIV): two replicas sealing the same contents under the same epoch write the same bytes, so
    /// a relay of a range already there is no conflict for a sync tool; different contents get
    /// different salts, and so different payload keys.
    public static func seal(_ contents: [UInt8], under key: SymmetricKey) throws -> [UInt8] {
        try seal(contents, under: key, salt: derivedSalt(contents, key: key))
    }

    public static func seal(_ contents: [UInt8], under key: SymmetricKey, salt: [UInt8]) throws -> [UInt8] {
        precondition(contents.last != 0, "sealed contents end in a non-zero byte")
        let header = magic + salt + hint(salt: salt, hintKey: EpochKeys.hintKey(key))
        let padded = contents + [UInt8](repeating: 0, count: Padme.padded(contents.count) - contents.count)
        return header + (try SealedStream.seal(padded, epochKey: key, salt: salt, header: header))
    }

    /// The contents, and which of `keyring`'s keys opened them.
    public static func open(_ bytes: [UInt8], with keyring: Keyring) throws(Failure) -> (contents: [UInt8], key: Keyring.Entry) {
        guard bytes.count >= headerBytes, bytes.starts(with: magic) else { throw .notSealed }
        let header = Array(bytes[0..<headerBytes])
        let salt = Array(header[8..<(8 + SealedStream.saltBytes)])
        guard let entry = keyring.entry(forHint: Array(header[(8 + SealedStream.saltBytes)...]), salt: salt) else { throw .noKey }
        guard isWholeLength(bytes.count) else { throw .incomplete }
        let padded: [UInt8]
        do {
            padded = try SealedStream.open(Array(bytes[headerBytes...]), epochKey: entry.key, salt: salt, header: header)
        } catch {
            throw .damaged
        }
        let end = (padded.lastIndex { $0 != 0 } ?? -1) + 1
        return (Array(padded[..<end]), entry)
    }

    /// Whether a file of `count` bytes could be a whole sealed file: its padded contents' length
    /// must be a Padmé length.
    public static func isWholeLength(_ count: Int) -> Bool {
        let body = count - headerBytes
        let piece = SealedStream.chunkBytes + SealedStream.tagBytes
        guard body > SealedStream.tagBytes else { return false }
        let chunks = (body + piece - 1) / piece
        return Padme.isPadded(body - chunks * SealedStream.tagBytes)
    }

    static func derivedSalt(_ contents: [UInt8], key: SymmetricKey) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: contents, using: EpochKeys.derived(key, "intersession-salt-v1")).prefix(SealedStream.saltBytes))
    }

    static func hint(salt: [UInt8], hintKey: SymmetricKey) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: salt, using: hintKey).prefix(hintBytes))
    }

    /// The epoch keys a replica holds, each with its hint key computed once.
    public struct Keyring: Sendable {
        public struct Entry: Sendable {
            public let id: String
            let keyBytes: [UInt8]
            let hintKeyBytes: [UInt8]

            public var key: SymmetricKey { SymmetricKey(data: keyBytes) }
        }

        public private(set) var entries: [Entry] = []

        public init(_ keys: [(id: String, key: SymmetricKey)] = []) {
            for key in keys { add(id: key.id, key: key.key) }
        }

        public var isEmpty: Bool { entries.isEmpty }

        public mutating func add(id: String, key: SymmetricKey) {
            guard !entries.contains(where: { $0.id == id }) else { return }
            entries.append(Entry(id: id, keyBytes: key.bytes, hintKeyBytes: EpochKeys.hintKey(key).bytes))
        }

        public func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }

        func entry(forHint hint: [UInt8], salt: [UInt8]) -> Entry? {
            entries.first { SealedFile.hint(salt: salt, hintKey: SymmetricKey(data: $0.hintKeyBytes)) == hint }
        }
    }
}
