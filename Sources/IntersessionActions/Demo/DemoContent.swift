import IntersessionCore

/// The people and discussions of the demo workspace (`Resources/demo/wgec-demo.json`).
public struct DemoContent: Sendable {
    public struct Peer: Sendable {
        public var home: String
        public var profile: MemberProfile
        public var role: Role
    }

    public struct Reply: Sendable {
        public var author: Int
        /// 0 for the opening post, n for the thread's n-th reply.
        public var parent: Int
        public var body: String
        public var language: Language
        public var quote: String?
    }

    public struct Thread: Sendable {
        public var topic: String
        public var author: Int
        public var title: String
        public var body: String
        public var language: Language
        public var replies: [Reply]
    }

    public struct Poll: Sendable {
        public var author: Int
        public var create: PollCreateTemplate
        /// (voter, position or options).
        public var votes: [(voter: Int, position: Position?, options: [Int])]
        /// An election's self-nominated candidates, by peer.
        public var nominations: [Int]
    }

    /// A poll as the demo opens it; the deadline is set when the workspace is made.
    public struct PollCreateTemplate: Sendable {
        public var kind: PollKind
        public var title: String
        public var text: String
        public var options: [String]
        public var seat: Seat?
    }

    public var peers: [Peer]
    public var threads: [Thread]
    public var polls: [Poll]
    public var drafts: [Draft]

    /// A draft with its first text, a version, penholders' edits (find and replace), an
    /// amendment and a comment.
    public struct Draft: Sendable {
        public var author: Int
        public var topic: String
        public var language: Language
        public var symbol: String
        public var title: String
        public var penholders: [Int]
        public var text: String
        public var version: String?
        public var edits: [(by: Int, find: String, replace: String)]
        public var amendments: [(by: Int, paragraph: Int, span: String, text: String, rationale: String)]
        public var comments: [(by: Int, paragraph: Int, body: String)]
    }

    public init(json bytes: [UInt8]) throws {
        let json = try JSONParser.parse(bytes)
        func text(_ value: JSONValue?, _ field: String) throws -> String {
            guard let text = value?[field]?.stringValue else { throw ChangeFormatError.missingField(field) }
            return text
        }
        func number(_ value: JSONValue?, _ field: String) throws -> Int {
            guard let number = value?[field]?.intValue else { throw ChangeFormatError.missingField(field) }
            return Int(number)
        }
        func language(_ value: JSONValue?) throws -> Language {
            guard let language = Language(rawValue: try text(value, "lang")) else { throw ChangeFormatError.badField("lang", "must be en or fr") }
            return language
        }
        peers = try (json["peers"]?.arrayValue ?? []).map { peer in
            guard let role = Role(rawValue: try text(peer, "role")) else { throw ChangeFormatError.badField("role", "is not a role") }
            return Peer(home: try text(peer, "home"),
                        profile: MemberProfile(name: try text(peer, "name"), organisation: try text(peer, "org"),
                                               language: try language(peer)),
                        role: role)
        }
        threads = try (json["threads"]?.arrayValue ?? []).map { thread in
            Thread(topic: try text(thread, "topic"), author: try number(thread, "author"), title: try text(thread, "title"),
                   body: try text(thread, "body"), language: try language(thread),
                   replies: try (thread["replies"]?.arrayValue ?? []).map { reply in
                       Reply(author: try number(reply, "author"), parent: try number(reply, "parent"),
                             body: try text(reply, "body"), language: try language(reply),
                             quote: reply["quote"]?.stringValue)
                   })
        }
        polls = try (json["polls"]?.arrayValue ?? []).map { poll in
            guard let kind = PollKind(rawValue: try text(poll, "kind")) else { throw ChangeFormatError.badField("kind", "is not a poll kind") }
            return Poll(
                author: try number(poll, "author"),
                create: PollCreateTemplate(kind: kind, title: try text(poll, "title"), text: try text(poll, "text"),
                                           options: (poll["options"]?.arrayValue ?? []).compactMap(\.stringValue),
                                           seat: poll["seat"]?.stringValue.flatMap(Seat.init(rawValue:))),
                votes: try (poll["votes"]?.arrayValue ?? []).map { vote in
                    (try number(vote, "voter"), vote["position"]?.stringValue.flatMap(Position.init(rawValue:)),
                     (vote["options"]?.arrayValue ?? []).compactMap { $0.intValue.map(Int.init) })
                },
                nominations: (poll["nominations"]?.arrayValue ?? []).compactMap { $0.intValue.map(Int.init) })
        }
        drafts = try (json["drafts"]?.arrayValue ?? []).map { draft in
            Draft(author: try number(draft, "author"), topic: try text(draft, "topic"), language: try language(draft),
                  symbol: try text(draft, "symbol"), title: try text(draft, "title"),
                  penholders: (draft["penholders"]?.arrayValue ?? []).compactMap { $0.intValue.map(Int.init) }, text: try text(draft, "text"),
                  version: draft["version"]?.stringValue,
                  edits: try (draft["edits"]?.arrayValue ?? []).map { (try number($0, "by"), try text($0, "find"), try text($0, "replace")) },
                  amendments: try (draft["amendments"]?.arrayValue ?? []).map {
                      (try number($0, "by"), try number($0, "paragraph"), try text($0, "span"), try text($0, "text"), try text($0, "rationale"))
                  },
                  comments: try (draft["comments"]?.arrayValue ?? []).map { (try number($0, "by"), try number($0, "paragraph"), try text($0, "body")) })
        }
        guard !peers.isEmpty, peers[0].role == .secretariat else {
            throw ChangeFormatError.badField("peers", "must start with the secretariat")
        }
    }
}
