/// The ops of meetings, kept together so that `Op` names them in one case.
public enum MeetingOp: Sendable, Hashable {
    case new(MeetingNew)
    case phase(MeetingPhase)
    case item(MeetingItem)
    case register(MeetingRegister)
    case concern(MeetingConcern)
    case answer(MeetingAnswer)
    case outcome(MeetingOutcome)
    case category(DelegationCategory)

    public static let types = [MeetingNew.type, MeetingPhase.type, MeetingItem.type, MeetingRegister.type,
                               MeetingConcern.type, MeetingAnswer.type, MeetingOutcome.type, DelegationCategory.type]

    public var type: String {
        switch self {
        case .new: MeetingNew.type
        case .phase: MeetingPhase.type
        case .item: MeetingItem.type
        case .register: MeetingRegister.type
        case .concern: MeetingConcern.type
        case .answer: MeetingAnswer.type
        case .outcome: MeetingOutcome.type
        case .category: DelegationCategory.type
        }
    }

    var json: JSONValue {
        switch self {
        case .new(let op): op.json
        case .phase(let op): op.json
        case .item(let op): op.json
        case .register(let op): op.json
        case .concern(let op): op.json
        case .answer(let op): op.json
        case .outcome(let op): op.json
        case .category(let op): op.json
        }
    }

    /// The entities the op names (see `Op.references`).
    var references: [EntityID] {
        switch self {
        case .new(let op): [op.topic]
        case .phase(let op): [op.meeting] + (op.item.map { [$0] } ?? [])
        case .item(let op): [op.meeting] + [op.item, op.parent].compactMap { $0 } + op.documents.map(\.draft)
        case .register(let op): [op.meeting]
        case .concern(let op): [op.item]
        case .answer(let op): [op.concern]
        case .outcome(let op): [op.item] + (op.poll.map { [$0] } ?? []) + op.replaces
        case .category: []
        }
    }

    /// A close's frontier: its change depends on every change inside it.
    var namedPositions: [FeedID: Int64] {
        guard case .phase(let phase) = self, let frontier = phase.frontier else { return [:] }
        return CloseFrontier.dependencies(frontier)
    }
}
