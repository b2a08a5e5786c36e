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
/// An invited expert's term may carry `until`: it only prompts the secretariat's client to
/// revoke the role; no rule reads a clock.
public struct MemberRole: Sendable, Hashable {
    static let type = "member.role"
    public var feed: FeedID
    public var role: Role
    public var fromSeq: Int64
    public var until: Int64?

    public init(feed: FeedID, role: Role, fromSeq: Int64, until: Int64? = nil) {
        self.feed = feed
        self.role = role
        self.fromSeq = fromSeq
        self.until = until
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        feed = try fields.feed("feed")
        guard let role = Role(rawValue: try fields.string("role")) else { throw .badField("role", "is not a role") }
        self.role = role
        fromSeq = try fields.int("from")
        guard fromSeq >= 1 else { throw .badField("from", "must be a seq of 1 or more") }
        until = fields.fields["until"]?.intValue
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = ["t": .string(Self.type), "feed": .string(feed.hex), "role": .string(role.rawValue),
                                           "from": .int(fromSeq)]
        if let until { fields["until"] = .int(until) }
        return .object(fields)
    }
}

/// `member.invite`: the secretariat names a one-time invite key, with the role, name and
/// delegation it stands for. No rule reads the expiry; `join` refuses an invite whose signed
/// expiry, here in the log, has passed (the invite file's copy is only a hint).
///
/// A re-admission (a member whose key was forked or lost, DESIGN §4) names the feed it
/// `replaces` and may seat `also` further roles, so that the new key holds every role the old
/// one did; both are signed here, never taken from the invite file.
public struct MemberInvite: Sendable, Hashable {
    static let type = "member.invite"
    public var key: FeedID
    public var role: Role
    public var name: String
    public var organisation: String
    public var expires: Int64
    public var also: [Role]
    public var replaces: FeedID?
    /// In a sealed group, the invite key's agreement key: epochs are wrapped for it while the
    /// invite is open, so that its holder reads the group from the first sync.
    public var agreementKey: [UInt8]?

    public init(key: FeedID, role: Role, name: String, organisation: String, expires: Int64,
                also: [Role] = [], replaces: FeedID? = nil, agreementKey: [UInt8]? = nil) {
        self.key = key
        self.role = role
        self.name = name
        self.organisation = organisation
        self.expires = expires
        self.also = also
        self.replaces = replaces
        self.agreementKey = agreementKey
    }

    /// Every role the invite seats, its main one first.
    public var roles: [Role] { [role] + also.filter { $0 != role } }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        key = try fields.feed("key")
        guard let role = Role(rawValue: try fields.string("role")) else { throw .badField("role", "is not a role") }
        self.role = role
        name = try fields.string("name")
        organisation = try fields.string("org")
        expires = try fields.int("expires")
        also = try Self.roles(fields.fields["also"])
        replaces = try fields.optionalString("replaces").map { text throws(ChangeFormatError) in
            guard let feed = FeedID(hex: text) else { throw .badField("replaces", "must be a feed id") }
            return feed
        }
        agreementKey = try fields.agreementKey()
    }

    private static func roles(_ value: JSONValue?) throws(ChangeFormatError) -> [Role] {
        guard let value, !value.isNull else { return [] }
        guard let items = value.arrayValue, items.count <= Role.allCases.count else { throw .badField("also", "must be a list of roles") }
        var roles: [Role] = []
        for item in items {
            guard let role = item.stringValue.flatMap(Role.init(rawValue:)) else { throw .badField("also", "must be a list of roles") }
            roles.append(role)
        }
        return roles
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = [
            "t": .string(Self.type), "key": .string(key.hex), "role": .string(role.rawValue), "name": .string(name),
            "org": .string(organisation), "expires": .int(expires),
        ]
        // Absent when empty, so that an ordinary invite's bytes are what they always were.
        if !also.isEmpty { fields["also"] = .array(also.map { .string($0.rawValue) }) }
        if let replaces { fields["replaces"] = .string(replaces.hex) }
        if let agreementKey { fields["kx"] = .string(Hex.encode(agreementKey)) }
        return .object(fields)
    }
}

/// `member.join`: the invitee's first change. The invite key signs the invitee's feed id, which
/// proves the invitee held the invite secret. Whom an invite seats is `InviteSeating`'s: a
/// leaked secret makes the invite contested, never the impostor's.
public struct MemberJoin: Sendable, Hashable {
    static let type = "member.join"
    public var invite: EntityID
    public var proof: [UInt8]
    /// In a sealed group, the new device's agreement key, signed by the device itself.
    public var agreementKey: [UInt8]?

    public init(invite: EntityID, proof: [UInt8], agreementKey: [UInt8]? = nil) {
        self.invite = invite
        self.proof = proof
        self.agreementKey = agreementKey
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        invite = try fields.entity("invite")
        guard let proof = Hex.decode(try fields.string("proof")), proof.count == 64 else {
            throw .badField("proof", "must be a signature in hex")
        }
        self.proof = proof
        agreementKey = try fields.agreementKey()
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = ["t": .string(Self.type), "invite": .string(invite.hex), "proof": .string(Hex.encode(proof))]
        if let agreementKey { fields["kx"] = .string(Hex.encode(agreementKey)) }
        return .object(fields)
    }

    /// What the invite key signs: a domain tag, the group and the new feed, so that a proof is
    /// good for one group and one feed only.
    public static func message(group: GroupID, feed: FeedID) -> [UInt8] {
        Array("intersession-join-v1".utf8) + group.bytes + feed.bytes
    }

    public static func proof(group: GroupID, feed: FeedID, inviteKey: DeviceKey) -> [UInt8] {
        inviteKey.sign(message(group: group, feed: feed))
    }
}

/// `member.revoke`: the secretariat ends a role; the holder's changes up to seq `last` (whose
/// hash it names) still count with it, later ones do not.
public struct MemberRevoke: Sendable, Hashable {
    static let type = "member.revoke"
    public var feed: FeedID
    /// Nil for a removal: every role ends, and nothing later from the feed is applied.
    public var role: Role?
    public var lastSeq: Int64
    public var lastHash: ChangeHash?

    public init(feed: FeedID, role: Role?, lastSeq: Int64, lastHash: ChangeHash?) {
        self.feed = feed
        self.role = role
        self.lastSeq = lastSeq
        self.lastHash = lastHash
    }

    static let removeType = "member.remove"

    init(_ fields: OpFields, removal: Bool) throws(ChangeFormatError) {
        feed = try fields.feed("feed")
        if removal {
            role = nil
        } else {
            guard let role = Role(rawValue: try fields.string("role")) else { throw .badField("role", "is not a role") }
            self.role = role
        }
        lastSeq = try fields.int("last")
        guard lastSeq >= 0 else { throw .badField("last", "must be a seq") }
        lastHash = try fields.optionalString("lastHash").flatMap { ChangeHash(hex: $0) }
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = ["t": .string(role == nil ? Self.removeType : Self.type), "feed": .string(feed.hex),
                                           "last": .int(lastSeq)]
        if let role { fields["role"] = .string(role.rawValue) }
        if let lastHash { fields["lastHash"] = .string(lastHash.hex) }
        return .object(fields)
    }
}
