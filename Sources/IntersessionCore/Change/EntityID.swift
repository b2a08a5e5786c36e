import Crypto

/// The name of something an op created (a topic, a thread, a post): 128 bits derived from the
/// creating change's hash and the op's index in it, written as 32 hex digits.
public struct EntityID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hex: String

    public init?(hex: String) {
        // One pass over the digits: every id of every op read is checked here.
        guard hex.utf8.count == 32, hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        self.hex = hex
    }

    public static func derive(from hash: ChangeHash, opIndex: Int) -> EntityID {
        var hasher = SHA256()
        hasher.update(data: hash.bytes)
        hasher.update(data: [UInt8(truncatingIfNeeded: opIndex >> 8), UInt8(truncatingIfNeeded: opIndex)])
        return EntityID(uncheckedHex: Hex.encode(hasher.finalize().prefix(16)))
    }

    init(uncheckedHex: String) { hex = uncheckedHex }

    /// Ids are digests, so their first sixteen hex digits are as random as all 32: hashing
    /// those bytes, not the string (which hashes by Unicode rules), keeps the applier's many
    /// lookups by id cheap. Equal ids are equal strings of lowercase hex digits, so of equal bytes.
    public func hash(into hasher: inout Hasher) {
        var hex = hex
        hex.withUTF8 { utf8 in
            guard utf8.count >= 16 else { return hasher.combine(bytes: UnsafeRawBufferPointer(utf8)) }
            let raw = UnsafeRawBufferPointer(utf8)
            hasher.combine(raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
            hasher.combine(raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }

    public var short: String { String(hex.prefix(8)) }
    public var description: String { short }

    public static func < (lhs: EntityID, rhs: EntityID) -> Bool { lhs.hex < rhs.hex }
}
