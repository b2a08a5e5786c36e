/// In which capacity a participant takes part in a meeting.
public enum ParticipantCapacity: String, Sendable, Hashable, CaseIterable {
    case delegate, head = "head-of-delegation", observer, expert, secretariat, withdrawn
}

/// `meeting.register`: a delegate registers for a meeting (themselves), or the co-chairs and
/// secretariat register someone (an invited expert for this meeting). The latest registration
/// of a participant by stamp stands; `withdrawn` takes them off the list.
public struct MeetingRegister: Sendable, Hashable {
    static let type = "meeting.register"
    public var meeting: EntityID
    public var participant: FeedID
    public var capacity: ParticipantCapacity
    /// The delegation they speak for (their administration or organisation).
    public var delegation: String

    public init(meeting: EntityID, participant: FeedID, capacity: ParticipantCapacity, delegation: String) {
        self.meeting = meeting
        self.participant = participant
        self.capacity = capacity
        self.delegation = delegation
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        meeting = try fields.entity("meeting")
        participant = try fields.feed("participant")
        guard let capacity = ParticipantCapacity(rawValue: try fields.string("capacity")) else {
            throw .badField("capacity", "is not a capacity")
        }
        self.capacity = capacity
        delegation = try fields.string("delegation")
    }

    var json: JSONValue {
        ["t": .string(Self.type), "meeting": .string(meeting.hex), "participant": .string(participant.hex),
         "capacity": .string(capacity.rawValue), "delegation": .string(delegation)]
    }
}

/// `meeting.concern`: a final concern on an item's updated document. It keeps the item open
/// until the co-chairs answer it, unless it came after the concerns phase closed (then it is
/// kept and shown, marked late).
public struct MeetingConcern: Sendable, Hashable {
    static let type = "meeting.concern"
    public var item: EntityID
    public var text: String

    public init(item: EntityID, text: String) {
        self.item = item
        self.text = text
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        item = try fields.entity("item")
        text = try fields.string("text")
    }

    var json: JSONValue { ["t": .string(Self.type), "item": .string(item.hex), "text": .string(text)] }
}

/// `meeting.answer`: the co-chairs' answer to a concern, which releases the item.
public struct MeetingAnswer: Sendable, Hashable {
    static let type = "meeting.answer"
    public var concern: EntityID
    public var text: String

    public init(concern: EntityID, text: String) {
        self.concern = concern
        self.text = text
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        concern = try fields.entity("concern")
        text = try fields.string("text")
    }

    var json: JSONValue { ["t": .string(Self.type), "concern": .string(concern.hex), "text": .string(text)] }
}

/// What became of an agenda item.
public enum OutcomeKind: String, Sendable, Hashable, CaseIterable {
    case noted, endorsed, adopted, deferred, noConsensus = "no-consensus"

    /// Whether the item goes to the next meeting.
    public var defers: Bool { self == .deferred || self == .noConsensus }
}

/// `meeting.outcome`: the co-chairs' outcome of an item, with their summary, optionally
/// reached through a poll (or the silence procedure). It names the outcomes it replaces, so
/// its change depends on them: see ``OutcomeChoice`` for which one stands.
public struct MeetingOutcome: Sendable, Hashable {
    static let type = "meeting.outcome"
    public var item: EntityID
    public var kind: OutcomeKind
    public var summary: String
    public var poll: EntityID?
    public var replaces: [EntityID]

    public init(item: EntityID, kind: OutcomeKind, summary: String, poll: EntityID? = nil, replaces: [EntityID] = []) {
        self.item = item
        self.kind = kind
        self.summary = summary
        self.poll = poll
        self.replaces = replaces
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        item = try fields.entity("item")
        guard let kind = OutcomeKind(rawValue: try fields.string("kind")) else { throw .badField("kind", "is not an outcome") }
        self.kind = kind
        summary = try fields.string("summary")
        poll = try fields.optionalEntity("poll")
        replaces = try (fields.fields["replaces"]?.arrayValue ?? []).map { value throws(ChangeFormatError) in
            guard let id = value.stringValue.flatMap(EntityID.init(hex:)) else { throw .badField("replaces", "must hold entity ids") }
            return id
        }
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = ["t": .string(Self.type), "item": .string(item.hex), "kind": .string(kind.rawValue),
                                           "summary": .string(summary)]
        if let poll { fields["poll"] = .string(poll.hex) }
        if !replaces.isEmpty { fields["replaces"] = .array(replaces.map { .string($0.hex) }) }
        return .object(fields)
    }
}
