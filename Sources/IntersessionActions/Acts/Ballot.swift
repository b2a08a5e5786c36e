import IntersessionCore

/// What a person marks on a poll: a position on a proposal, options in order (a choice, a
/// ranking), candidates in order (an election), a reason (to block), or an objection that
/// breaks a silence procedure.
public struct Ballot: Sendable, Equatable {
    public var position: Position?
    public var options: [Int]
    public var candidates: [FeedID]
    public var reason: String?
    public var objection: Bool

    public init(position: Position? = nil, options: [Int] = [], candidates: [FeedID] = [], reason: String? = nil, objection: Bool = false) {
        self.position = position
        self.options = options
        self.candidates = candidates
        self.reason = reason
        self.objection = objection
    }
}
