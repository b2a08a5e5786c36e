import IntersessionCore

/// A meeting as a listing shows it.
public struct MeetingSummary: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var body: String
    public var number: String
    public var mode: String
    public var starts: String
    public var ends: String
    /// The latest phase opened and not closed, nil when none is.
    public var currentPhase: String?
    public var items: Int
    /// Items without an outcome that stands, or held open by concerns.
    public var openItems: Int
}

/// One phase of a meeting: when its opening asked it to end, and whether a close counts.
public struct MeetingPhaseState: Sendable, Equatable, Codable {
    public var phase: String
    public var opened: Bool
    /// The deadline of the latest opening (milliseconds since 1970), which only prompts.
    public var deadline: Int64?
    public var closed: Bool
}

public struct MeetingPerson: Sendable, Equatable, Codable {
    public var feed: String
    public var name: String
    public var organisation: String

    public init(feed: String, name: String, organisation: String) {
        self.feed = feed
        self.name = name
        self.organisation = organisation
    }
}

/// A registration that stands (the participant's latest).
public struct MeetingParticipant: Sendable, Equatable, Codable {
    public var person: MeetingPerson
    public var capacity: String
    public var delegation: String
    /// The category of the delegation (`DelegationKind`), as the secretariat set it or, where it
    /// set none, as its participants' capacities make it; nil for the secretariat's own staff.
    public var category: String?
}

public struct MeetingDocumentRef: Sendable, Equatable, Codable {
    public var draft: String
    public var symbol: String
    public var title: String
    public var version: String?
}

public struct MeetingConcernView: Sendable, Equatable, Codable {
    public var id: String
    public var author: MeetingPerson
    public var text: String
    /// Raised outside the frontier of the concerns phase's close: kept, shown, holds nothing open.
    public var late: Bool
    /// The co-chairs' answers, oldest first.
    public var answers: [String]
}

public struct MeetingOutcomeView: Sendable, Equatable, Codable {
    public var id: String
    public var kind: String
    public var summary: String
    public var poll: String?
    public var by: MeetingPerson
    /// Whether it is the one that stands (see `OutcomeChoice`).
    public var stands: Bool
}

public struct MeetingComment: Sendable, Equatable, Codable {
    public var post: String
    public var author: MeetingPerson
    public var body: String
    /// Signed outside the frontier of a comment phase close that applies: kept, marked late.
    public var late: Bool
}

/// An agenda item with its record.
public struct AgendaItemView: Sendable, Equatable, Codable {
    public var id: String
    public var number: String
    public var parent: String?
    public var title: String
    public var purpose: String
    public var category: String
    public var deadline: Int64?
    public var documents: [MeetingDocumentRef]
    /// Comments (replies in the item's thread, not retracted), in the order of the thread.
    public var comments: [MeetingComment]
    public var concerns: [MeetingConcernView]
    /// Every outcome recorded, least id first; the one that stands is marked.
    public var outcomes: [MeetingOutcomeView]
    /// open, held (by concerns) or the standing outcome's kind.
    public var standing: String
    public var openConcerns: Int
    public var deferred: Bool
    /// Whether the comment phase is closed for this item (by the meeting's close or its own).
    public var commentsClosed: Bool

    public var lateComments: Int { comments.filter(\.late).count }
    public var standingOutcome: MeetingOutcomeView? { outcomes.first(where: \.stands) }
}

public struct MeetingDetail: Sendable, Equatable, Codable {
    public var summary: MeetingSummary
    public var topic: String
    public var convener: MeetingPerson
    public var presiding: [MeetingPerson]
    public var phases: [MeetingPhaseState]
    public var participants: [MeetingParticipant]
    public var agenda: [AgendaItemView]
}

extension MeetingDetail {
    /// Each delegation of the meeting (by its matching key) with its category (nil: the
    /// secretariat's staff): every participant of a delegation carries the same one
    /// (`MeetingReader`). What the report and the interface count.
    public var delegationCategories: [String: DelegationKind?] {
        var categories: [String: DelegationKind?] = [:]
        for participant in participants {
            categories[DelegationCategory.key(participant.delegation)] = participant.category.flatMap(DelegationKind.init(rawValue:))
        }
        return categories
    }

    /// How many delegations each category has, in the committees' order, without the empty ones.
    public var delegationsByCategory: [(category: DelegationKind?, count: Int)] {
        let categories = Array(delegationCategories.values)
        return ([DelegationKind?](DelegationKind.reportOrder) + [nil]).compactMap { kind in
            let count = categories.filter { $0 == kind }.count
            return count == 0 ? nil : (kind, count)
        }
    }
    /// The deadlines that have passed at `now` with what they were set for still open: they
    /// prompt the co-chairs (see `MeetingDeadlines`).
    public func passedDeadlines(now: Int64) -> [PassedDeadline] {
        MeetingDeadlines.passed(
            phases: phases.compactMap { phase in
                MeetingPhaseKind(rawValue: phase.phase).map {
                    MeetingDeadlines.Phase(kind: $0, opened: phase.opened, closed: phase.closed, deadline: phase.deadline)
                }
            },
            items: agenda.map { MeetingDeadlines.Item(id: $0.id, number: $0.number, deadline: $0.deadline, commentsClosed: $0.commentsClosed) },
            now: now)
    }
}
