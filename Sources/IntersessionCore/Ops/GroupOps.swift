/// `group.create`: only in the genesis change; founds the group and makes its author secretariat.
public struct GroupCreate: Sendable, Hashable {
    static let type = "group.create"
    public var title: LocalizedText

    public init(title: LocalizedText) { self.title = title }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        title = try fields.localized("title")
    }

    var json: JSONValue { ["t": .string(Self.type), "title": title.json] }
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
