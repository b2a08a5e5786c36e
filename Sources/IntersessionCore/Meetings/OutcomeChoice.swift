/// Which of an item's outcomes stands. An outcome names the outcomes it replaces (the ones
/// standing where it was made), so its change depends on them: an outcome replaced by another
/// never stands. Of the outcomes no other replaces (made concurrently), the one with the least
/// id stands: ids are hashes of the signed changes, the same on every replica, and no clock or
/// arrival order enters.
public enum OutcomeChoice {
    public struct Candidate: Sendable, Hashable {
        public var id: EntityID
        public var replaces: [EntityID]

        public init(id: EntityID, replaces: [EntityID]) {
            self.id = id
            self.replaces = replaces
        }
    }

    /// The ids of the outcomes no other replaces, least first.
    public static func unreplaced(_ outcomes: [Candidate]) -> [EntityID] {
        let replaced = Set(outcomes.flatMap(\.replaces))
        return outcomes.map(\.id).filter { !replaced.contains($0) }.sorted { $0.hex < $1.hex }
    }

    /// The outcome that stands, nil when the item has none.
    public static func standing(_ outcomes: [Candidate]) -> EntityID? {
        unreplaced(outcomes).first
    }
}

/// Whether an entry (a comment on an item, a final concern) came in time: it must lie inside
/// the frontier of every close of its phase that applies to it (the meeting's close, and the
/// close of its own item when its category closed earlier). So concurrent closes come to the
/// intersection of their frontiers on every replica, and an entry signed after a close is late
/// everywhere, whatever its clock says.
public enum PhaseClosure {
    /// `closes` holds, for each applicable close, the highest seq of each feed (by hex) it
    /// takes in (see ``CloseFrontier/countedThrough(_:loggedHash:frozenFrom:)``).
    public static func isLate(feed: String, seq: Int64, closes: [[String: Int64]]) -> Bool {
        closes.contains { (($0[feed] ?? 0) < seq) }
    }
}

/// Where an agenda item stands: open, held open by unanswered concerns, or settled by its outcome.
public enum ItemStanding: Sendable, Hashable {
    case open
    case heldByConcerns(Int)
    case settled(OutcomeKind)

    /// A concern on time and unanswered keeps the item open whatever its outcome says.
    public init(outcome: OutcomeKind?, openConcerns: Int) {
        if openConcerns > 0 {
            self = .heldByConcerns(openConcerns)
        } else if let outcome {
            self = .settled(outcome)
        } else {
            self = .open
        }
    }

    /// Whether the item goes to the next meeting (no outcome, held open, or deferred).
    public var isDeferred: Bool {
        switch self {
        case .open, .heldByConcerns: true
        case .settled(let kind): kind.defers
        }
    }
}
