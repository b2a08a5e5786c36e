/// `group.create`: only in the genesis change; founds the group and makes its author secretariat.
/// A sealed group says so here, signed once for its whole life, with the founder's agreement key
/// (`kx`, the X25519 public key epoch keys are wrapped for); an open group's op has neither.
public struct GroupCreate: Sendable, Hashable {
    static let type = "group.create"
    public var title: LocalizedText
    public var sealed: Bool
    public var agreementKey: [UInt8]?

    public init(title: LocalizedText, sealed: Bool = false, agreementKey: [UInt8]? = nil) {
        self.title = title
        self.sealed = sealed
        self.agreementKey = agreementKey
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        title = try fields.localized("title")
        sealed = fields.fields["sealed"]?.boolValue ?? false
        agreementKey = try fields.agreementKey()
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = ["t": .string(Self.type), "title": title.json]
        if sealed { fields["sealed"] = .bool(true) }
        if let agreementKey { fields["kx"] = .string(Hex.encode(agreementKey)) }
        return .object(fields)
    }
}

/// `topic.create`: a standing topic of the group, with a short key for the command line.
public struct TopicCreate: Sendable, Hashable {
    static let type = "topic.create"
    public var key: String
    public var title: LocalizedText
    public var order: Int64

    public init(key: String, title: LocalizedText, order: Int64) {
        self.key = key
        self.title = title
        self.order = order
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        key = try fields.string("key")
        title = try fields.localized("title")
        order = try fields.int("order")
    }

    var json: JSONValue {
        ["t": .string(Self.type), "key": .string(key), "title": title.json, "order": .int(order)]
    }
}
