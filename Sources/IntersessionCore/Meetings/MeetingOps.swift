/// How a meeting is held.
public enum MeetingMode: String, Sendable, Hashable, CaseIterable {
    case document, virtual, inPerson = "in-person", hybrid
}

/// The phases of a document-based meeting, in order: comments on each item, the co-chairs'
/// search for consensus, then final concerns on the updated documents.
public enum MeetingPhaseKind: String, Sendable, Hashable, CaseIterable {
    case comment, consensus, concerns
}

/// `meeting.new`: a co-chair or the secretariat convenes a meeting. Dates are the calendar days
/// the convener gives (`YYYY-MM-DD`, shown as they are); no rule reads them. The items' threads
/// go in `topic`.
public struct MeetingNew: Sendable, Hashable {
    static let type = "meeting.new"
    public var title: String
    /// The body that meets: the group itself or one of its sub-groups.
    public var body: String
    public var number: String
    public var mode: MeetingMode
    public var starts: String
    public var ends: String
    /// The co-chairs presiding; none named: every co-chair presides.
    public var presiding: [FeedID]
    public var topic: EntityID

    public init(title: String, body: String, number: String, mode: MeetingMode, starts: String, ends: String,
                presiding: [FeedID], topic: EntityID) {
        self.title = title
        self.body = body
        self.number = number
        self.mode = mode
        self.starts = starts
        self.ends = ends
        self.presiding = presiding
        self.topic = topic
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        title = try fields.string("title")
        body = try fields.string("body")
        number = try fields.string("number")
        guard let mode = MeetingMode(rawValue: try fields.string("mode")) else { throw .badField("mode", "is not a meeting mode") }
        self.mode = mode
        starts = try fields.string("starts")
        ends = try fields.string("ends")
        presiding = try (fields.fields["presiding"]?.arrayValue ?? []).map { value throws(ChangeFormatError) in
            guard let feed = value.stringValue.flatMap(FeedID.init(hex:)) else { throw .badField("presiding", "must hold feed ids") }
            return feed
        }
        topic = try fields.entity("topic")
    }

    var json: JSONValue {
        ["t": .string(Self.type), "title": .string(title), "body": .string(body), "number": .string(number),
         "mode": .string(mode.rawValue), "starts": .string(starts), "ends": .string(ends),
         "presiding": .array(presiding.map { .string($0.hex) }), "topic": .string(topic.hex)]
    }
}

/// `meeting.phase`: a co-chair opens a phase with a deadline (which only prompts), or closes
/// it at a frontier, like a poll: exactly the comments (or concerns) inside it are on time.
/// A close of the comment phase may name one item, whose category closes earlier.
public struct MeetingPhase: Sendable, Hashable {
    static let type = "meeting.phase"
    public var meeting: EntityID
    public var phase: MeetingPhaseKind
    /// The deadline of an opening (milliseconds since 1970); nil for a close.
    public var deadline: Int64?
    /// The frontier of a close; nil for an opening.
    public var frontier: [FeedID: FeedHead]?
    public var item: EntityID?

    public init(meeting: EntityID, phase: MeetingPhaseKind, deadline: Int64? = nil, frontier: [FeedID: FeedHead]? = nil,
                item: EntityID? = nil) {
        self.meeting = meeting
        self.phase = phase
        self.deadline = deadline
        self.frontier = frontier
        self.item = item
    }

    public var closes: Bool { frontier != nil }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        meeting = try fields.entity("meeting")
        guard let phase = MeetingPhaseKind(rawValue: try fields.string("phase")) else { throw .badField("phase", "is not a phase") }
        self.phase = phase
        item = try fields.optionalEntity("item")
        if let entries = fields.fields["frontier"]?.objectValue {
            frontier = try CloseFrontier.decode(entries)
            deadline = nil
        } else {
            frontier = nil
            deadline = try fields.int("deadline")
        }
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = ["t": .string(Self.type), "meeting": .string(meeting.hex), "phase": .string(phase.rawValue)]
        if let frontier { fields["frontier"] = CloseFrontier.json(frontier) }
        if let deadline, frontier == nil { fields["deadline"] = .int(deadline) }
        if let item { fields["item"] = .string(item.hex) }
        return .object(fields)
    }
}
