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

    public static func of<Bytes: Sequence>(_ body: Bytes) -> ChangeHash where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(data: Array(body))
        return ChangeHash(bytes: Array(hasher.finalize()))!
    }

    public var hex: String { Hex.encode(bytes) }
    public var short: String { String(hex.prefix(8)) }
    public var description: String { short }

    public static func < (lhs: ChangeHash, rhs: ChangeHash) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}

/// A group is named by the hash of its genesis change.
public typealias GroupID = ChangeHash
