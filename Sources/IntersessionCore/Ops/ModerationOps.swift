/// The moderation ops of the co-chairs and the secretariat. Each sets a last-writer-wins
/// register of a post or a thread; every one stays in the audit log.
public struct Moderation: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        /// Hide a post from members, with the reason they see instead.
        case hide(post: EntityID, reason: String)
        case unhide(post: EntityID)
        /// Lock a thread: replies inside `frontier` (each feed's seq the moderator had seen)
        /// stay, later ones are refused.
        case lock(thread: EntityID, frontier: [FeedID: Int64])
        case unlock(thread: EntityID)
        case pin(thread: EntityID, pinned: Bool)
        case move(thread: EntityID, topic: EntityID)
        case rename(thread: EntityID, title: String)
        /// Mark a post as the chair's summary or decision (or clear the mark).
        case mark(post: EntityID, mark: PostMark?)
    }

    public var action: Action

    public init(_ action: Action) { self.action = action }

    static let types = ["post.hide", "post.unhide", "thread.lock", "thread.unlock", "thread.pin", "thread.move",
                        "thread.rename", "post.mark"]

    init(type: String, _ fields: OpFields) throws(ChangeFormatError) {
        switch type {
        case "post.hide": action = .hide(post: try fields.entity("post"), reason: try fields.string("reason"))
        case "post.unhide": action = .unhide(post: try fields.entity("post"))
        case "thread.lock":
            guard let entries = fields.fields["frontier"]?.objectValue else { throw .missingField("frontier") }
            var frontier: [FeedID: Int64] = [:]
            for (key, value) in entries {
                guard let feed = FeedID(hex: key), let seq = value.intValue, seq >= 0 else {
                    throw .badField("frontier", "must map feeds to seqs")
                }
                frontier[feed] = seq
            }
            action = .lock(thread: try fields.entity("thread"), frontier: frontier)
        case "thread.unlock": action = .unlock(thread: try fields.entity("thread"))
        case "thread.pin":
            guard let pinned = fields.fields["pinned"]?.boolValue else { throw .badField("pinned", "must be true or false") }
            action = .pin(thread: try fields.entity("thread"), pinned: pinned)
        case "thread.move": action = .move(thread: try fields.entity("thread"), topic: try fields.entity("topic"))
        case "thread.rename": action = .rename(thread: try fields.entity("thread"), title: try fields.string("title"))
        default:
            let text = try fields.optionalString("mark")
            guard text == nil || PostMark(rawValue: text!) != nil else { throw .badField("mark", "must be summary or decision") }
            action = .mark(post: try fields.entity("post"), mark: text.flatMap(PostMark.init(rawValue:)))
        }
    }

    public var type: String {
        switch action {
        case .hide: "post.hide"
        case .unhide: "post.unhide"
        case .lock: "thread.lock"
        case .unlock: "thread.unlock"
        case .pin: "thread.pin"
        case .move: "thread.move"
        case .rename: "thread.rename"
        case .mark: "post.mark"
        }
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = ["t": .string(type)]
        switch action {
        case .hide(let post, let reason): fields["post"] = .string(post.hex); fields["reason"] = .string(reason)
        case .unhide(let post): fields["post"] = .string(post.hex)
        case .lock(let thread, let frontier):
            fields["thread"] = .string(thread.hex)
            fields["frontier"] = .object(Dictionary(uniqueKeysWithValues: frontier.map { ($0.key.hex, JSONValue.int($0.value)) }))
        case .unlock(let thread): fields["thread"] = .string(thread.hex)
        case .pin(let thread, let pinned): fields["thread"] = .string(thread.hex); fields["pinned"] = .bool(pinned)
        case .move(let thread, let topic): fields["thread"] = .string(thread.hex); fields["topic"] = .string(topic.hex)
        case .rename(let thread, let title): fields["thread"] = .string(thread.hex); fields["title"] = .string(title)
        case .mark(let post, let mark): fields["post"] = .string(post.hex); fields["mark"] = mark.map { .string($0.rawValue) } ?? .null
        }
        return .object(fields)
    }
}

public enum PostMark: String, Sendable, Hashable, CaseIterable {
    case summary
    case decision
}
