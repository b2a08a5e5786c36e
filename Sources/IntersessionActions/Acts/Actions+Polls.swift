import IntersessionCore
import IntersessionStore

/// Polls: open, vote, break the silence, nominate and accept, close, state the outcome. A
/// ballot (or objection, nomination, acceptance) on a poll this replica knows is closed would
/// never count: it is refused before anything is signed.
extension Actions {
    /// What a new poll asks; an election opens one poll per seat (both when `seat` is nil).
    public struct PollRequest: Sendable {
        public var kind: PollKind
        public var title: String?
        public var text = ""
        public var options: [String] = []
        public var seat: Seat?
        public var electorate: [Role]?
        public var unit: PollUnit?
        public var days = Terms.pollDays
        public var majority: Majority = .simple
        public var hidden = false

        public init(kind: PollKind, title: String?) {
            self.kind = kind
            self.title = title
        }
    }

    /// Opens the polls of `request`; returns their ids, one per seat for an election.
    @discardableResult
    public func openPoll(_ request: PollRequest) throws -> [EntityID] {
        let election = request.kind == .election
        if request.seat != nil, !election { throw ActionError.seatOutsideElection }
        if election, !request.options.isEmpty { throw ActionError.optionsInElection }
        if !election, request.title == nil { throw ActionError.titleRequired }
        let days = try Input.days(request.days, option: "--days", in: 1...Terms.pollMaximumDays)
        try adoptOwnChanges()
        let now = clock()
        let seats: [Seat?] = election ? (request.seat.map { [$0] } ?? Seat.allCases) : [nil]
        let polls = try seats.map { seat in
            PollCreate(kind: request.kind, title: try Input.title(Self.pollTitle(request.title, seat: seat)), text: request.text,
                       options: request.options, electorate: request.electorate ?? (election ? [.member] : [.member, .cochair, .secretariat]),
                       unit: request.unit ?? (election ? .delegation : .person), deadline: Terms.after(days: days, from: now),
                       hiddenUntilClose: request.hidden, majority: request.majority, seat: seat)
        }
        let change = try sign(polls.map(Op.pollCreate), at: now)
        return polls.indices.map(change.entity)
    }

    /// An election's title names its seat; the group's title for it comes first when given.
    static func pollTitle(_ title: String?, seat: Seat?) -> String {
        guard let seat else { return title ?? "" }
        let name = seat == .administration ? "co-chair for a Member administration" : "co-chair for the private sector"
        return title.map { "\($0): \(name)" } ?? "Election of the \(name)"
    }

    /// Votes on `poll` (an id prefix), or changes this profile's vote, until the close.
    @discardableResult
    public func vote(on poll: String, _ ballot: Ballot) throws -> EntityID {
        try adoptOwnChanges()
        let id = try entity(poll, as: .poll)
        _ = try requireOpen(id)
        try sign([.pollVote(PollVote(poll: id, position: ballot.position, options: ballot.options, candidates: ballot.candidates,
                                     reason: ballot.reason, objection: ballot.objection))])
        return id
    }

    /// Breaks the silence on a text, with a reason.
    @discardableResult
    public func object(to poll: String, reason: String) throws -> EntityID {
        try vote(on: poll, Ballot(reason: try Input.body(reason), objection: true))
    }

    /// Nominates `nominee` (this profile when nil) for an election's seat; returns the nomination's id.
    @discardableResult
    public func nominate(for poll: String, nominee: String? = nil) throws -> (nomination: EntityID, nominee: FeedID) {
        try adoptOwnChanges()
        let id = try entity(poll, as: .poll)
        _ = try requireOpen(id)
        let feed = try nominee.map { try member($0).feed } ?? key.feed
        return (try sign([.pollNominate(PollNominate(poll: id, nominee: feed))]).entity(0), feed)
    }

    /// Accepts this profile's nomination for an election's seat. Returns who nominated it, and
    /// whether it already stood (then nothing is signed).
    @discardableResult
    public func acceptNomination(for poll: String) throws -> (nominatedBy: String, alreadyStanding: Bool) {
        try adoptOwnChanges()
        let id = try entity(poll, as: .poll)
        let detail = try requireOpen(id)
        guard let mine = detail.candidates.first(where: { $0.feed == key.feed.hex }), let nomination = EntityID(hex: mine.nomination) else {
            throw ActionError.notNominated(poll: id.short)
        }
        if mine.accepted { return (mine.nominatedBy, true) }
        try sign([.pollAccept(PollAccept(nomination: nomination))])
        return (mine.nominatedBy, false)
    }

    /// Closes a poll (co-chairs, secretariat): exactly the ballots this replica holds count.
    @discardableResult
    public func close(poll: String) throws -> EntityID {
        try adoptOwnChanges()
        let id = try entity(poll, as: .poll)
        try sign([.pollClose(PollClose(poll: id, frontier: try store.feedHeads()))])
        return id
    }

    /// States the outcome of a poll (co-chairs, secretariat); the latest statement stands.
    @discardableResult
    public func stateOutcome(of poll: String, statement: String) throws -> EntityID {
        let statement = try Input.body(statement)
        try adoptOwnChanges()
        let id = try entity(poll, as: .poll)
        try sign([.pollOutcome(PollOutcome(poll: id, statement: statement))])
        return id
    }

    /// A standing candidate of an election, by feed id prefix or by name (case-insensitive,
    /// else a unique prefix of the name).
    public func candidate(_ typed: String, in poll: String) throws -> FeedID {
        let detail = try store.poll(try entity(poll, as: .poll).hex)
        guard detail.seat != nil else { throw ActionError.candidatesOutsideElection }
        let standing = detail.candidates.filter(\.accepted)
        let needle = typed.lowercased()
        var matches = standing.filter { $0.feed.hasPrefix(needle) || $0.name.lowercased() == needle }
        if matches.isEmpty { matches = standing.filter { $0.name.lowercased().hasPrefix(needle) } }
        guard matches.count == 1, let feed = FeedID(hex: matches[0].feed) else {
            if matches.isEmpty { throw ActionError.notACandidate(typed, standing: standing.isEmpty ? "-" : standing.map(\.name).joined(separator: ", ")) }
            throw ActionError.ambiguousCandidate(typed)
        }
        return feed
    }

    /// The poll as this replica knows it, when it is still open.
    func requireOpen(_ id: EntityID) throws -> PollDetail {
        let detail = try store.poll(id.hex)
        guard !detail.summary.closed else { throw ActionError.pollClosed(poll: id.short) }
        return detail
    }
}
