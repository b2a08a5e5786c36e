import IntersessionCore

public struct PollSummary: Sendable, Equatable, Codable {
    public var id: String
    public var kind: String
    public var title: String
    public var deadline: Int64
    public var closed: Bool
    /// How many ballots count, as the tally counts them: voters (their latest ballot), or
    /// delegations for a poll by delegation; once closed, only those inside the close. Never how.
    public var voters: Int
}

/// A poll with its record: who voted, and the result when it may be shown.
public struct PollDetail: Sendable, Equatable, Codable {
    public var summary: PollSummary
    public var text: String
    public var options: [String]
    public var electorate: [String]
    public var unit: String
    public var majority: String
    public var hiddenUntilClose: Bool
    public var author: String
    /// The close that counts (the least stamp), and the frontier it recorded.
    public var closedBy: String?
    public var voterNames: [String]
    /// Delegations whose delegates cast different ballots (their latest counted).
    public var conflictingDelegations: [String]
    /// Nil while the results are hidden until the close.
    public var result: PollResult?
    /// The co-chairs' statement of the outcome, the latest one.
    public var outcome: String?
    /// An election's seat, its candidates in order of nomination (those awaiting acceptance too),
    /// and those who hold the seat's role and could be nominated.
    public var seat: String? = nil
    /// The ballot of the one asking (`poll(_:voter:)`), nil when they cast none or did not ask.
    public var ownBallot: OwnBallot? = nil
    public var candidates: [Candidate] = []
    public var eligible: [Candidate] = []
    /// Closed elections: the one elected, while the secretariat has not yet granted them the
    /// co-chair role after the close.
    public var cochairGrantDue: String? = nil
}

public struct PollResult: Sendable, Equatable, Codable {
    /// Per option (or, for a proposal, per position: agree, abstain, disagree, block).
    public var counts: [String: Int]
    public var adopted: Bool?
    public var blocked: Bool?
    public var winners: [String]
    /// An election: the feed of the candidate elected.
    public var elected: String? = nil
    /// Ranked choice: each round's counts, and the option eliminated after it.
    public var rounds: [[String: Int]]
    public var eliminated: [String]
    public var exhausted: Int
    /// Silence: who broke it first, and why.
    public var brokenBy: String?
    public var reason: String?
}

/// Someone standing, or able to stand, for an election's seat.
public struct Candidate: Sendable, Equatable, Codable {
    public var feed: String
    public var name: String
    public var organisation: String?
    /// The nomination that stands (or, while none is accepted, the earliest one).
    public var nomination: String
    public var nominatedBy: String
    /// False while the nominee has not accepted another's nomination.
    public var accepted: Bool

    /// How the candidate shows in a tally: name and delegation.
    public var label: String { organisation.map { "\(name) (\($0))" } ?? name }
}
