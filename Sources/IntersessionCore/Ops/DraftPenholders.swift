/// `draft.penholders`: co-chairs or the secretariat change who holds a draft's pen, by the same
/// feed intervals as roles (DESIGN §4): each one added counts from their seq `from`, each one
/// removed keeps only their changes up to seq `last` (whose hash it names). No edit after that
/// counts, whatever base it cites.
///
/// The first shape of the op, a bare list `penholders`, is still read: as additions from seq 1.
/// It never removes anyone, since it cannot say which of a removed penholder's seqs count.
public struct DraftPenholders: Sendable, Hashable {
    static let type = "draft.penholders"
    public var draft: EntityID
    public var additions: [Addition]
    public var removals: [Removal]

    public struct Addition: Sendable, Hashable {
        public var feed: FeedID
        public var fromSeq: Int64

        public init(feed: FeedID, fromSeq: Int64) {
            self.feed = feed
            self.fromSeq = fromSeq
        }
    }

    public struct Removal: Sendable, Hashable {
        public var feed: FeedID
        public var lastSeq: Int64
        public var lastHash: ChangeHash?

        public init(feed: FeedID, lastSeq: Int64, lastHash: ChangeHash?) {
            self.feed = feed
            self.lastSeq = lastSeq
            self.lastHash = lastHash
        }
    }

    public init(draft: EntityID, additions: [Addition], removals: [Removal]) {
        self.draft = draft
        self.additions = additions
        self.removals = removals
    }

    /// The op that turns the penholders `current` into `wanted`: each newcomer counts from the
    /// seq after their head, each one dropped keeps their changes up to their head.
    public init(draft: EntityID, from current: Set<FeedID>, to wanted: [FeedID], heads: [FeedID: FeedHead]) {
        self.draft = draft
        additions = wanted.filter { !current.contains($0) }.map { Addition(feed: $0, fromSeq: (heads[$0]?.seq ?? 0) + 1) }
        removals = current.subtracting(wanted).sorted().map { Removal(feed: $0, lastSeq: heads[$0]?.seq ?? 0, lastHash: heads[$0]?.hash) }
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        draft = try fields.entity("draft")
        if fields.fields["penholders"] != nil {
            additions = try Self.feeds(fields).map { Addition(feed: $0, fromSeq: 1) }
            removals = []
            return
        }
        additions = try Self.entries("add", fields) { entry throws(ChangeFormatError) in
            let from = try entry.int("from")
            guard from >= 1 else { throw .badField("from", "must be a seq of 1 or more") }
            return Addition(feed: try entry.feed("feed"), fromSeq: from)
        }
        removals = try Self.entries("remove", fields) { entry throws(ChangeFormatError) in
            let last = try entry.int("last")
            guard last >= 0 else { throw .badField("last", "must be a seq") }
            let hash = try entry.optionalString("lastHash").flatMap { ChangeHash(hex: $0) }
            return Removal(feed: try entry.feed("feed"), lastSeq: last, lastHash: hash)
        }
    }

    static func feeds(_ fields: OpFields) throws(ChangeFormatError) -> [FeedID] {
        try (fields.fields["penholders"]?.arrayValue ?? []).map { value throws(ChangeFormatError) in
            guard let feed = value.stringValue.flatMap(FeedID.init(hex:)) else { throw .badField("penholders", "must hold feed ids") }
            return feed
        }
    }

    private static func entries<Entry>(
        _ name: String, _ fields: OpFields, _ read: (OpFields) throws(ChangeFormatError) -> Entry
    ) throws(ChangeFormatError) -> [Entry] {
        guard let value = fields.fields[name] else { return [] }
        guard let array = value.arrayValue else { throw .badField(name, "must be a list") }
        var entries: [Entry] = []
        for item in array { entries.append(try read(try OpFields(item))) }
        return entries
    }

    var json: JSONValue {
        var removalFields: [JSONValue] = []
        for removal in removals {
            var entry: [String: JSONValue] = ["feed": .string(removal.feed.hex), "last": .int(removal.lastSeq)]
            if let hash = removal.lastHash { entry["lastHash"] = .string(hash.hex) }
            removalFields.append(.object(entry))
        }
        return ["t": .string(Self.type), "draft": .string(draft.hex),
                "add": .array(additions.map { ["feed": .string($0.feed.hex), "from": .int($0.fromSeq)] }),
                "remove": .array(removalFields)]
    }
}
