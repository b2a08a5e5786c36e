import IntersessionCore
import IntersessionStore

/// The meeting screens: the list of meetings, a meeting with its phases and agenda, and an
/// agenda item with its documents, thread, concerns and outcome. One `Screen` case holds them.
public enum MeetingScreen: Sendable, Equatable {
    case list(ListState<MeetingSummary>)
    case meeting(MeetingScreenState)
    case item(AgendaItemScreenState)
}

public struct MeetingScreenState: Sendable, Equatable {
    public var id: String
    public var detail: MeetingDetail?
    public var agenda = ListState<AgendaItemView>()
    /// Registering someone else (co-chairs presiding, secretariat): a delegation or an invited expert.
    public var registering: RegistrationPrompt?

    public init(id: String) { self.id = id }
}

/// Who is registered, in which capacity, for which delegation: chosen in that order.
public struct RegistrationPrompt: Sendable, Equatable {
    public enum Step: Sendable, Equatable { case member, capacity, delegation }
    public static let capacities = ParticipantCapacity.allCases
    public var members: [MeetingPerson]
    public var member = 0
    public var capacity = 0
    public var delegation = TextEditor(singleLine: true)
    public var step = Step.member

    public init(members: [MeetingPerson]) { self.members = members }
}

public struct AgendaItemScreenState: Sendable, Equatable {
    /// What is being typed or chosen over the item: an outcome (its kind, then its summary) or a concern.
    public enum Prompt: Sendable, Equatable {
        case outcome(kind: Int, summary: TextEditor, typing: Bool)
        case concern(TextEditor)
        /// The answer to the open concern at `concern` (among the item's unanswered, on time).
        case answer(concern: Int, TextEditor)
    }
    public var id: String
    public var meeting: MeetingDetail?
    public var item: AgendaItemView?
    public var scroll = 0
    public var prompt: Prompt?

    public init(id: String) { self.id = id }
}

/// The work of the meeting screens (see `Effect`).
public enum MeetingEffect: Sendable, Equatable {
    case loadList
    case loadMeeting(id: String)
    case loadItem(id: String)
    case register(meeting: String)
    case closePhase(meeting: String, phase: MeetingPhaseKind)
    case setOutcome(item: String, kind: OutcomeKind, summary: String)
    case raiseConcern(item: String, text: String)
    case answerConcern(concern: String, text: String)
    /// The members to choose from when registering someone else.
    case loadRegistrants(meeting: String)
    case registerParticipant(meeting: String, member: String, capacity: ParticipantCapacity, delegation: String)
}

/// What the meeting effects answer with (see `Message`).
public enum MeetingMessage: Sendable {
    case listLoaded([MeetingSummary])
    case meetingLoaded(MeetingDetail)
    case itemLoaded(AgendaItemView)
    case registrantsLoaded(meeting: String, [MeetingPerson])
}
