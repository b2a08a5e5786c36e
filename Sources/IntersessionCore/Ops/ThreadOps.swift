/// `thread.create`: a thread in a topic, with its opening post. The thread and its opening post
/// share the op's entity id. A comment on a draft's paragraph is a thread anchored to the
/// paragraph's first character, so it follows the paragraph as the text moves.
public struct ThreadCreate: Sendable, Hashable {
    static let type = "thread.create"
    public var topic: EntityID
    public var title: String
    public var body: String
    public var language: Language
    public var draft: EntityID?
    public var anchor: TextAnchor?

    public init(topic: EntityID, title: String, body: String, language: Language, draft: EntityID? = nil, anchor: TextAnchor? = nil) {
        self.topic = topic
        self.title = title
        self.body = body
        self.language = language
        self.draft = draft
        self.anchor = anchor
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        topic = try fields.entity("topic")
        title = try fields.string("title")
        body = try fields.string("body")
        language = try fields.language("lang")
        draft = try fields.optionalEntity("draft")
        anchor = try TextAnchor(fields.fields["anchor"] ?? .null)
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = ["t": .string(Self.type), "topic": .string(topic.hex), "title": .string(title),
                                           "body": .string(body), "lang": .string(language.rawValue)]
        if let draft { fields["draft"] = .string(draft.hex) }
        if let anchor { fields["anchor"] = .string(anchor.text) }
        return .object(fields)
    }
}

/// `post.create`: a reply to a post of a thread, optionally quoting part of it.
public struct PostCreate: Sendable, Hashable {
    static let type = "post.create"
    public var thread: EntityID
    public var parent: EntityID
    public var body: String
    public var language: Language
    public var quote: String?

    public init(thread: EntityID, parent: EntityID, body: String, language: Language, quote: String? = nil) {
        self.thread = thread
        self.parent = parent
        self.body = body
        self.language = language
        self.quote = quote
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        thread = try fields.entity("thread")
        parent = try fields.entity("parent")
        body = try fields.string("body")
        language = try fields.language("lang")
        quote = try fields.optionalString("quote")
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = [
            "t": .string(Self.type), "thread": .string(thread.hex), "parent": .string(parent.hex),
            "body": .string(body), "lang": .string(language.rawValue),
        ]
        if let quote { fields["quote"] = .string(quote) }
        return .object(fields)
    }
}

/// `post.edit`: the author replaces a post's text; every version stays in its history.
public struct PostEdit: Sendable, Hashable {
    static let type = "post.edit"
    public var post: EntityID
    public var body: String

    public init(post: EntityID, body: String) {
        self.post = post
        self.body = body
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        post = try fields.entity("post")
        body = try fields.string("body")
    }

    var json: JSONValue { ["t": .string(Self.type), "post": .string(post.hex), "body": .string(body)] }
}

/// `post.retract`: the author withdraws a post; it stays in the log, shown as retracted.
public struct PostRetract: Sendable, Hashable {
    static let type = "post.retract"
    public var post: EntityID

    public init(post: EntityID) { self.post = post }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        post = try fields.entity("post")
    }

    var json: JSONValue { ["t": .string(Self.type), "post": .string(post.hex)] }
}
