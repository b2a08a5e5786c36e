/// `member.profile`: how a person presents themselves: name, delegation, preferred language.
/// Signed by that person; the latest wins.
public struct MemberProfile: Sendable, Hashable {
    static let type = "member.profile"
    public var name: String
    public var organisation: String
    public var language: Language

    public init(name: String, organisation: String, language: Language) {
        self.name = name
        self.organisation = organisation
        self.language = language
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        name = try fields.string("name")
        organisation = try fields.string("org")
        language = try fields.language("lang")
    }

    var json: JSONValue {
        ["t": .string(Self.type), "name": .string(name), "org": .string(organisation), "lang": .string(language.rawValue)]
    }
}

/// `member.role`: the secretariat grants `feed` a role, counting from the holder's seq `from`.
public struct MemberRole: Sendable, Hashable {
    static let type = "member.role"
    public var feed: FeedID
    public var role: Role
    public var fromSeq: Int64

    public init(feed: FeedID, role: Role, fromSeq: Int64) {
        self.feed = feed
        self.role = role
        self.fromSeq = fromSeq
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        feed = try fields.feed("feed")
        guard let role = Role(rawValue: try fields.string("role")) else { throw .badField("role", "is not a role") }
        self.role = role
        fromSeq = try fields.int("from")
        guard fromSeq >= 1 else { throw .badField("from", "must be a seq of 1 or more") }
    }

    var json: JSONValue {
        ["t": .string(Self.type), "feed": .string(feed.hex), "role": .string(role.rawValue), "from": .int(fromSeq)]
    }
}
