import Crypto

/// SHA-256 of a change's body bytes: the change's name, the link in its feed's chain and, for
/// the genesis change, the group id.
public struct ChangeHash: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    public init?(hex: String) {
        guard hex.utf8.count == 64, let bytes = Hex.decode(hex.lowercased()) else { return nil }
        self.bytes = bytes
    }

    public static func of(_ body: [UInt8]) -> ChangeHash {
        ChangeHash(bytes: Array(SHA256.hash(data: body)))!
    }

    public var hex: String { Hex.encode(bytes) }

    /// The first eight bytes are as random as all 32; hashing them alone keeps lookups cheap.
    public func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine($0.loadUnaligned(as: UInt64.self)) }
    }
    public var short: String { String(hex.prefix(8)) }
    public var description: String { short }

    public static func < (lhs: ChangeHash, rhs: ChangeHash) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}

/// A group is named by the hash of its genesis change.
public typealias GroupID = ChangeHash
