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
    public enum Step: Sendable, Equatable { case member, capacity, delegation, category }
    public static let capacities = ParticipantCapacity.allCases
    /// The secretariat's last step: the delegation's category for every meeting, or (nil, the
    /// first choice) left as it stands.
    public static let categories: [DelegationKind?] = [nil] + DelegationKind.allCases
    public var members: [MeetingPerson]
    public var member = 0
    public var capacity = 0
    public var delegation = TextEditor(singleLine: true)
    public var category = 0
    public var step = Step.member
    /// Whether the one registering is the secretariat, who also says the delegation's category.
    public var bySecretariat: Bool

    public init(members: [MeetingPerson], bySecretariat: Bool = false) {
        self.members = members
        self.bySecretariat = bySecretariat
    }
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
    /// A registration, and (the secretariat's) the delegation's category when one was chosen.
    case registerParticipant(meeting: String, member: String, capacity: ParticipantCapacity, delegation: String, category: DelegationKind?)
}

/// What the meeting effects answer with (see `Message`).
public enum MeetingMessage: Sendable {
    case listLoaded([MeetingSummary])
    case meetingLoaded(MeetingDetail)
    case itemLoaded(AgendaItemView)
    case registrantsLoaded(meeting: String, [MeetingPerson])
}
