import Foundation

/// `group.key`: the secretariat starts a group epoch of a sealed group (the Sealing article).
/// The epoch key itself is never in the log: `wraps` holds it sealed for each recipient (a
/// member device, or an open invite's key) with HPKE, `check` commits to it, and `history`
/// holds every earlier epoch key its signer held, sealed under it, so that whoever holds this
/// epoch reads the group's whole history. The epoch is named by the op's entity id.
public struct GroupKey: Sendable, Hashable {
    static let type = "group.key"
    /// 1 for the group's first epoch, else the parent's number plus one.
    public var number: Int64
    public var parent: EntityID?
    public var check: [UInt8]
    /// Recipient key (a feed or an invite key) → its `EpochEnvelope` bytes.
    public var wraps: [FeedID: [UInt8]]
    public var history: [UInt8]?

    public static let maximumRecipients = 5_000

    public init(number: Int64, parent: EntityID?, check: [UInt8], wraps: [FeedID: [UInt8]], history: [UInt8]?) {
        self.number = number
        self.parent = parent
        self.check = check
        self.wraps = wraps
        self.history = history
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        number = try fields.int("epoch")
        guard number >= 1 else { throw .badField("epoch", "must be 1 or more") }
        parent = try fields.optionalEntity("parent")
        guard (number == 1) == (parent == nil) else { throw .badField("parent", "names the epoch before, from the second on") }
        guard let check = Hex.decode(try fields.string("check")), check.count == 32 else { throw .badField("check", "must be 32 bytes in hex") }
        self.check = check
        wraps = try Self.wraps(fields.fields["wraps"])
        history = try fields.optionalString("history").map { text throws(ChangeFormatError) in
            guard let bytes = Data(base64Encoded: text), EpochKeys.isHistoryLength(bytes.count) else {
                throw .badField("history", "must be sealed keys in base64")
            }
            return Array(bytes)
        }
        guard (history == nil) == (parent == nil) else { throw .badField("history", "seals the earlier keys, from the second epoch on") }
    }

    private static func wraps(_ value: JSONValue?) throws(ChangeFormatError) -> [FeedID: [UInt8]] {
        guard let object = value?.objectValue, !object.isEmpty, object.count <= maximumRecipients else {
            throw .badField("wraps", "must map between 1 and \(maximumRecipients) recipients to envelopes")
        }
        var wraps: [FeedID: [UInt8]] = [:]
        for (recipient, envelope) in object {
            guard let feed = FeedID(hex: recipient), let text = envelope.stringValue, let bytes = Data(base64Encoded: text),
                bytes.count == EpochEnvelope.bytes
            else { throw .badField("wraps", "must map keys to envelopes in base64") }
            wraps[feed] = Array(bytes)
        }
        return wraps
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = [
            "t": .string(Self.type), "epoch": .int(number), "check": .string(Hex.encode(check)),
            "wraps": .object(Dictionary(uniqueKeysWithValues: wraps.map { ($0.key.hex, .string(Data($0.value).base64EncodedString())) })),
        ]
        if let parent { fields["parent"] = .string(parent.hex) }
        if let history { fields["history"] = .string(Data(history).base64EncodedString()) }
        return .object(fields)
    }
}
