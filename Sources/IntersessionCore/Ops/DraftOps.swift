/// A draft's stage, from the first working draft to its adoption or replacement.
public enum DraftStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case working, comment, adoption, adopted, superseded
}

/// `draft.create`: a document the group drafts together. Its text starts empty; the same
/// change usually carries a first `draft.edit`. A translation names the draft it translates.
public struct DraftCreate: Sendable, Hashable {
    static let type = "draft.create"
    public var title: String
    public var topic: EntityID
    public var language: Language
    /// The document symbol, e.g. "WGEC/2026/3"; the latest version's name is its revision.
    public var symbol: String
    public var penholders: [FeedID]
    public var translationOf: EntityID?

    public init(title: String, topic: EntityID, language: Language, symbol: String, penholders: [FeedID], translationOf: EntityID? = nil) {
        self.title = title
        self.topic = topic
        self.language = language
        self.symbol = symbol
        self.penholders = penholders
        self.translationOf = translationOf
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        title = try fields.string("title")
        topic = try fields.entity("topic")
        language = try fields.language("lang")
        symbol = try fields.string("symbol")
        penholders = try DraftPenholders.feeds(fields)
        translationOf = try fields.optionalEntity("translationOf")
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = [
            "t": .string(Self.type), "title": .string(title), "topic": .string(topic.hex), "lang": .string(language.rawValue),
            "symbol": .string(symbol), "penholders": .array(penholders.map { .string($0.hex) }),
        ]
        if let translationOf { fields["translationOf"] = .string(translationOf.hex) }
        return .object(fields)
    }
}

/// `draft.edit`: insert and delete runs in a draft's text, by a penholder. `base` is the draft's
/// heads the edit was made on (each feed's latest draft change seen), so that edits made without
/// seeing each other are known to be concurrent.
public struct DraftEdit: Sendable, Hashable {
    static let type = "draft.edit"
    public var draft: EntityID
    public var base: [FeedID: Int64]
    public var insertions: [Insertion]
    public var deletions: [Deletion]

    /// The author's characters from `seq` on, typed between `left` and `right`.
    public struct Insertion: Sendable, Hashable {
        public var seq: UInt32
        public var left: TextAnchor?
        public var right: TextAnchor?
        public var text: String

        public init(seq: UInt32, left: TextAnchor?, right: TextAnchor?, text: String) {
            self.seq = seq
            self.left = left
            self.right = right
            self.text = text
        }
    }

    public struct Deletion: Sendable, Hashable {
        public var feed: FeedID
        public var seq: UInt32
        public var length: UInt32

        public init(feed: FeedID, seq: UInt32, length: UInt32) {
            self.feed = feed
            self.seq = seq
            self.length = length
        }
    }

    public init(draft: EntityID, base: [FeedID: Int64], insertions: [Insertion], deletions: [Deletion]) {
        self.draft = draft
        self.base = base
        self.insertions = insertions
        self.deletions = deletions
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        draft = try fields.entity("draft")
        base = try FrontierField.read(fields, "base")
        insertions = try (fields.fields["ins"]?.arrayValue ?? []).map { value throws(ChangeFormatError) in
            guard let parts = value.arrayValue, parts.count == 4, let seq = parts[0].intValue, seq >= 0, seq < Int64(UInt32.max),
                let text = parts[3].stringValue, !text.isEmpty
            else { throw .badField("ins", "must hold [seq, left, right, text]") }
            return Insertion(seq: UInt32(seq), left: try TextAnchor(parts[1]), right: try TextAnchor(parts[2]), text: text)
        }
        deletions = try (fields.fields["del"]?.arrayValue ?? []).map { value throws(ChangeFormatError) in
            guard let parts = value.arrayValue, parts.count == 3, let feed = parts[0].stringValue.flatMap(FeedID.init(hex:)),
                let seq = parts[1].intValue, let length = parts[2].intValue, seq >= 0, length > 0, seq + length < Int64(UInt32.max)
            else { throw .badField("del", "must hold [feed, seq, length]") }
            return Deletion(feed: feed, seq: UInt32(seq), length: UInt32(length))
        }
    }

    var json: JSONValue {
        ["t": .string(Self.type), "draft": .string(draft.hex), "base": FrontierField.json(base),
         "ins": .array(insertions.map { .array([.int(Int64($0.seq)), $0.left.json, $0.right.json, .string($0.text)]) }),
         "del": .array(deletions.map { .array([.string($0.feed.hex), .int(Int64($0.seq)), .int(Int64($0.length))]) })]
    }
}

/// A character of a draft, named across replicas: the feed that typed it and its seq.
public struct TextAnchor: Sendable, Hashable {
    public var feed: FeedID
    public var seq: UInt32

    public init(feed: FeedID, seq: UInt32) {
        self.feed = feed
        self.seq = seq
    }

    /// "feedhex:seq", or null for none.
    init?(_ value: JSONValue) throws(ChangeFormatError) {
        if value.isNull { return nil }
        guard let text = value.stringValue, let colon = text.firstIndex(of: ":"),
            let feed = FeedID(hex: String(text[..<colon])), let seq = UInt32(text[text.index(after: colon)...])
        else { throw .badField("anchor", "must be feed:seq") }
        self.init(feed: feed, seq: seq)
    }

    public var text: String { "\(feed.hex):\(seq)" }

    public init?(text: String) {
        guard let value = try? TextAnchor(JSONValue.string(text)) else { return nil }
        self = value
    }
}

extension Optional where Wrapped == TextAnchor {
    var json: JSONValue { map { .string($0.text) } ?? .null }
}

/// `draft.status` and `draft.version`: set by co-chairs, the secretariat or a penholder
/// (status: co-chairs and the secretariat only). Status is last-writer-wins; a version names the
/// draft's heads at a moment (e.g. "Rev.1").
public struct DraftSetStatus: Sendable, Hashable {
    static let type = "draft.status"
    public var draft: EntityID
    public var status: DraftStatus

    public init(draft: EntityID, status: DraftStatus) {
        self.draft = draft
        self.status = status
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        draft = try fields.entity("draft")
        guard let status = DraftStatus(rawValue: try fields.string("status")) else { throw .badField("status", "is not a draft status") }
        self.status = status
    }

    var json: JSONValue { ["t": .string(Self.type), "draft": .string(draft.hex), "status": .string(status.rawValue)] }
}

public struct DraftVersion: Sendable, Hashable {
    static let type = "draft.version"
    public var draft: EntityID
    public var name: String
    public var heads: [FeedID: Int64]

    public init(draft: EntityID, name: String, heads: [FeedID: Int64]) {
        self.draft = draft
        self.name = name
        self.heads = heads
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        draft = try fields.entity("draft")
        name = try fields.string("name")
        heads = try FrontierField.read(fields, "heads")
    }

    var json: JSONValue { ["t": .string(Self.type), "draft": .string(draft.hex), "name": .string(name), "heads": FrontierField.json(heads)] }
}

/// A {feed hex: seq} object.
enum FrontierField {
    static func read(_ fields: OpFields, _ name: String) throws(ChangeFormatError) -> [FeedID: Int64] {
        guard let entries = fields.fields[name]?.objectValue else { return [:] }
        var frontier: [FeedID: Int64] = [:]
        for (key, value) in entries {
            guard let feed = FeedID(hex: key), let seq = value.intValue else { throw .badField(name, "must map feeds to seqs") }
            frontier[feed] = seq
        }
        return frontier
    }

    static func json(_ frontier: [FeedID: Int64]) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: frontier.map { ($0.key.hex, JSONValue.int($0.value)) }))
    }
}
