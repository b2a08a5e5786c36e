import IntersessionCore
import IntersessionStore

/// The co-chairs' acts over a meeting that ask for more than a key: answering a concern, and
/// registering someone else (a delegation or an invited expert).
extension Update {
    /// The item's concerns that hold it open: on time and not answered.
    static func openConcerns(_ item: AgendaItemView?) -> [MeetingConcernView] {
        item?.concerns.filter { !$0.late && $0.answers.isEmpty } ?? []
    }

    static func startAnswer(_ state: inout AgendaItemScreenState, _ model: inout Model) {
        guard !openConcerns(state.item).isEmpty else {
            model.flash = model.catalog[.meetingNoOpenConcern]
            return
        }
        state.prompt = .answer(concern: 0, TextEditor(singleLine: true))
    }

    static func answerKey(_ key: Key, concern: Int, _ editor: TextEditor, _ state: inout AgendaItemScreenState,
                          _ model: inout Model) -> [Effect] {
        let open = openConcerns(state.item)
        guard open.indices.contains(concern) else {
            state.prompt = nil
            return []
        }
        var editor = editor
        switch key {
        case .tab:
            state.prompt = .answer(concern: (concern + 1) % open.count, editor)
        case .enter:
            let text = editor.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return [] }
            state.prompt = nil
            return holdingIrreversible([.meeting(.answerConcern(concern: open[concern].id, text: text))], &model)
        default:
            _ = editor.handle(key)
            state.prompt = .answer(concern: concern, editor)
        }
        return []
    }

    /// The registration prompt: ↑↓ and enter choose the member, then the capacity; the
    /// delegation (the member's organisation to start with) is typed; esc leaves it.
    static func registrationKey(_ key: Key, _ state: inout MeetingScreenState, _ model: inout Model) -> [Effect] {
        defer { if case .meetings(.meeting) = model.screen { model.screen = .meetings(.meeting(state)) } }
        guard var prompt = state.registering else { return [] }
        if key == .escape {
            state.registering = nil
            return []
        }
        switch prompt.step {
        case .member, .capacity, .category:
            if key == .enter, prompt.step == .category { return registration(prompt, &state) }
            if key == .enter { prompt.advance() } else { prompt.move(key) }
        case .delegation:
            if key == .enter {
                guard !prompt.delegationTyped.isEmpty else { return [] }
                guard prompt.bySecretariat else { return registration(prompt, &state) }
                prompt.step = .category
            } else {
                _ = prompt.delegation.handle(key)
            }
        }
        state.registering = prompt
        return []
    }

    /// The registration the prompt holds, signed: the prompt closes.
    private static func registration(_ prompt: RegistrationPrompt, _ state: inout MeetingScreenState) -> [Effect] {
        state.registering = nil
        return [.meeting(.registerParticipant(meeting: state.id, member: prompt.members[prompt.member].feed,
                                              capacity: RegistrationPrompt.capacities[prompt.capacity], delegation: prompt.delegationTyped,
                                              category: RegistrationPrompt.categories[prompt.category]))]
    }

    static func categoryText(_ category: DelegationKind?) -> TextKey {
        switch category {
        case nil: .meetingCategoryAsItStands
        case .member: .delegationKindMember
        case .partner: .delegationKindPartner
        case .privateSector: .delegationKindPrivateSector
        case .observer: .delegationKindObserver
        case .academia: .delegationKindAcademia
        case .expert: .delegationKindExpert
        }
    }

    static func capacityText(_ capacity: ParticipantCapacity) -> TextKey {
        switch capacity {
        case .delegate: .capacityDelegate
        case .head: .capacityHead
        case .observer: .capacityObserver
        case .expert: .capacityExpert
        case .secretariat: .capacitySecretariat
        case .withdrawn: .capacityWithdrawn
        }
    }
}

extension RegistrationPrompt {
    var delegationTyped: String { delegation.text.trimmingCharacters(in: .whitespaces) }

    /// ↑↓ (or k, j) in the picker of this step.
    mutating func move(_ key: Key) {
        let count = switch step {
        case .member: members.count
        case .capacity: Self.capacities.count
        default: Self.categories.count
        }
        let step = key.name == "up" || key.name == "k" ? -1 : key.name == "down" || key.name == "j" ? 1 : 0
        switch self.step {
        case .member: member = min(count - 1, max(0, member + step))
        case .capacity: capacity = min(count - 1, max(0, capacity + step))
        default: category = min(count - 1, max(0, category + step))
        }
    }

    /// Enter on a picker: the member chosen starts the delegation from their organisation.
    mutating func advance() {
        if step == .member {
            delegation = TextEditor(members[member].organisation, singleLine: true)
            step = .capacity
        } else {
            step = .delegation
        }
    }

    var bindings: [Binding] {
        let typing = [Binding("enter", help: .helpOpen), Binding("esc", help: .helpCancel), Binding("ctrl+c", help: .helpQuit)]
        return step == .delegation ? typing : [Binding("up", "down", "k", "j", help: .helpMove)] + typing
    }
}
