/// The two co-chair seats of the terms of reference, each elected separately.
public enum Seat: String, Sendable, Hashable, CaseIterable, Codable {
    /// A co-chair representing a Member administration.
    case administration
    /// A co-chair representing the private sector.
    case `private`

    /// The role a candidate must hold to stand for the seat.
    public var candidateRole: Role {
        switch self {
        case .administration: .member
        case .private: .private
        }
    }
}

/// `poll.nominate`: names a candidate for an election's seat. A self-nomination stands at once;
/// a nomination of another stands once the nominee accepts it.
public struct PollNominate: Sendable, Hashable {
    static let type = "poll.nominate"
    public var poll: EntityID
    public var nominee: FeedID

    public init(poll: EntityID, nominee: FeedID) {
        self.poll = poll
        self.nominee = nominee
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        poll = try fields.entity("poll")
        nominee = try fields.feed("nominee")
    }

    var json: JSONValue { ["t": .string(Self.type), "poll": .string(poll.hex), "nominee": .string(nominee.hex)] }
}

/// `poll.accept`: the nominee accepts a nomination made by another.
public struct PollAccept: Sendable, Hashable {
    static let type = "poll.accept"
    public var nomination: EntityID

    public init(nomination: EntityID) {
        self.nomination = nomination
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        nomination = try fields.entity("nomination")
    }

    var json: JSONValue { ["t": .string(Self.type), "nomination": .string(nomination.hex)] }
}
