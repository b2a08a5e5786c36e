/// A feed id: the Ed25519 public key of one profile's device key. One profile, one feed.
public struct FeedID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    public init?(hex: String) {
        guard hex.utf8.count == 64, let bytes = Hex.decode(hex.lowercased()) else { return nil }
        self.bytes = bytes
    }

    public var hex: String { Hex.encode(bytes) }

    /// A public key's first eight bytes are as random as all 32; hashing them alone keeps the
    /// many feed lookups of an import cheap.
    public func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine($0.loadUnaligned(as: UInt64.self)) }
    }
    /// The first 8 hex digits, as feeds are shown to people.
    public var short: String { String(hex.prefix(8)) }
    public var description: String { short }

    public static func < (lhs: FeedID, rhs: FeedID) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}
