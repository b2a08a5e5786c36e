/// The kinds of decision the group takes.
public enum PollKind: String, Sendable, Hashable, CaseIterable {
    case proposal, single, multiple, ranked, silence, election
}

/// Who a poll counts: one vote per person, or one per delegation.
public enum PollUnit: String, Sendable, Hashable, CaseIterable {
    case person, delegation
}

/// `poll.create`: a co-chair or the secretariat opens a decision. The deadline only prompts
/// the closers' clients; a close, with its frontier, ends the poll.
public struct PollCreate: Sendable, Hashable {
    static let type = "poll.create"
    public var kind: PollKind
    public var title: String
    public var text: String
    public var options: [String]
    public var electorate: [Role]
    public var unit: PollUnit
    public var deadline: Int64
    public var hiddenUntilClose: Bool
    public var majority: Majority
    /// An election's seat; candidates come from nominations, not options.
    public var seat: Seat?

    public init(kind: PollKind, title: String, text: String, options: [String], electorate: [Role], unit: PollUnit,
                deadline: Int64, hiddenUntilClose: Bool, majority: Majority, seat: Seat? = nil) {
        self.kind = kind
        self.title = title
        self.text = text
        self.options = options
        self.electorate = electorate
        self.unit = unit
        self.deadline = deadline
        self.hiddenUntilClose = hiddenUntilClose
        self.majority = majority
        self.seat = seat
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        guard let kind = PollKind(rawValue: try fields.string("kind")) else { throw .badField("kind", "is not a poll kind") }
        self.kind = kind
        title = try fields.string("title")
        text = try fields.string("text")
        options = (fields.fields["options"]?.arrayValue ?? []).compactMap(\.stringValue)
        electorate = (fields.fields["electorate"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(Role.init(rawValue:)) }
        guard let unit = PollUnit(rawValue: try fields.string("unit")) else { throw .badField("unit", "must be person or delegation") }
        self.unit = unit
        deadline = try fields.int("deadline")
        hiddenUntilClose = fields.fields["hidden"]?.boolValue ?? false
        majority = Majority(rawValue: try fields.optionalString("majority") ?? "simple") ?? .simple
        seat = try fields.optionalString("seat").flatMap(Seat.init(rawValue:))
    }

    var json: JSONValue {
        var json: JSONValue = ["t": .string(Self.type), "kind": .string(kind.rawValue), "title": .string(title), "text": .string(text),
         "options": .array(options.map { .string($0) }), "electorate": .array(electorate.map { .string($0.rawValue) }),
         "unit": .string(unit.rawValue), "deadline": .int(deadline), "hidden": .bool(hiddenUntilClose),
         "majority": .string(majority.rawValue)]
        if let seat { json = .object((json.objectValue ?? [:]).merging(["seat": .string(seat.rawValue)]) { $1 }) }
        return json
    }
}

/// `poll.vote`: a ballot; a later ballot of the same voter replaces it until the close. The
/// choice: a position for a proposal, option indexes for the others (in order of preference
/// for ranked choice), candidates in order of preference for an election. `poll.object`
/// breaks silence, with a reason.
public struct PollVote: Sendable, Hashable {
    static let type = "poll.vote"
    static let objectType = "poll.object"
    public var poll: EntityID
    public var position: Position?
    public var options: [Int]
    public var candidates: [FeedID]
    public var reason: String?
    /// A silence procedure's objection.
    public var objection: Bool

    public init(poll: EntityID, position: Position? = nil, options: [Int] = [], candidates: [FeedID] = [], reason: String? = nil,
                objection: Bool = false) {
        self.poll = poll
        self.position = position
        self.options = options
        self.candidates = candidates
        self.reason = reason
        self.objection = objection
    }

    init(_ fields: OpFields, objection: Bool) throws(ChangeFormatError) {
        poll = try fields.entity("poll")
        position = try fields.optionalString("position").flatMap(Position.init(rawValue:))
        options = (fields.fields["options"]?.arrayValue ?? []).compactMap { $0.intValue.map(Int.init) }
        candidates = try (fields.fields["candidates"]?.arrayValue ?? []).map { value throws(ChangeFormatError) in
            guard let feed = value.stringValue.flatMap(FeedID.init(hex:)) else { throw .badField("candidates", "must hold feed ids") }
            return feed
        }
        reason = try fields.optionalString("reason")
        self.objection = objection
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = ["t": .string(objection ? Self.objectType : Self.type), "poll": .string(poll.hex)]
        if let position { fields["position"] = .string(position.rawValue) }
        if !options.isEmpty { fields["options"] = .array(options.map { .int(Int64($0)) }) }
        if !candidates.isEmpty { fields["candidates"] = .array(candidates.map { .string($0.hex) }) }
        if let reason { fields["reason"] = .string(reason) }
        return .object(fields)
    }
}

/// `poll.close`: ends a poll at a frontier: for each feed, the last change the closer had
/// applied, by seq and hash. Exactly the ballots inside it count (see ``CloseFrontier``). Of
/// concurrent closes, the one with the least stamp counts.
public struct PollClose: Sendable, Hashable {
    static let type = "poll.close"
    public var poll: EntityID
    public var frontier: [FeedID: FeedHead]

    public init(poll: EntityID, frontier: [FeedID: FeedHead]) {
        self.poll = poll
        self.frontier = frontier
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        poll = try fields.entity("poll")
        guard let entries = fields.fields["frontier"]?.objectValue else { throw .missingField("frontier") }
        frontier = try CloseFrontier.decode(entries)
    }

    var json: JSONValue {
        ["t": .string(Self.type), "poll": .string(poll.hex), "frontier": CloseFrontier.json(frontier)]
    }
}

/// `poll.outcome`: the co-chairs' statement of what was decided; the latest stands.
public struct PollOutcome: Sendable, Hashable {
    static let type = "poll.outcome"
    public var poll: EntityID
    public var statement: String

    public init(poll: EntityID, statement: String) {
        self.poll = poll
        self.statement = statement
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        poll = try fields.entity("poll")
        statement = try fields.string("statement")
    }

    var json: JSONValue { ["t": .string(Self.type), "poll": .string(poll.hex), "statement": .string(statement)] }
}
