/// `member.admit`: the secretariat settles a contested invite by naming the redeemer it seats.
/// Of several admissions of one invite the latest by stamp counts: it is the secretariat's own
/// choice, so its clock may order it.
public struct MemberAdmit: Sendable, Hashable {
    static let type = "member.admit"
    public var invite: EntityID
    public var feed: FeedID

    public init(invite: EntityID, feed: FeedID) {
        self.invite = invite
        self.feed = feed
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        invite = try fields.entity("invite")
        feed = try fields.feed("feed")
    }

    var json: JSONValue { ["t": .string(Self.type), "invite": .string(invite.hex), "feed": .string(feed.hex)] }
}

/// `member.uninvite`: the secretariat cancels an invite. `seen` is each feed's seq the
/// canceller had seen: a redemption inside it stays as it is, any other never seats anyone.
public struct MemberUninvite: Sendable, Hashable {
    static let type = "member.uninvite"
    public var invite: EntityID
    public var seen: [FeedID: Int64]

    public init(invite: EntityID, seen: [FeedID: Int64]) {
        self.invite = invite
        self.seen = seen
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        invite = try fields.entity("invite")
        guard let entries = fields.fields["seen"]?.objectValue else { throw .missingField("seen") }
        var seen: [FeedID: Int64] = [:]
        for (key, value) in entries {
            guard let feed = FeedID(hex: key), let seq = value.intValue, seq >= 0 else { throw .badField("seen", "must map feeds to seqs") }
            seen[feed] = seq
        }
        self.seen = seen
    }

    var json: JSONValue {
        ["t": .string(Self.type), "invite": .string(invite.hex),
         "seen": .object(Dictionary(uniqueKeysWithValues: seen.map { ($0.key.hex, JSONValue.int($0.value)) }))]
    }
}
