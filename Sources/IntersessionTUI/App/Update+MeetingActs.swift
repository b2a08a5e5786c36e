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
        case .member, .capacity:
            let count = prompt.step == .member ? prompt.members.count : RegistrationPrompt.capacities.count
            var chosen = prompt.step == .member ? prompt.member : prompt.capacity
            switch key.name {
            case "up", "k": chosen = max(0, chosen - 1)
            case "down", "j": chosen = min(count - 1, chosen + 1)
            case "enter":
                if prompt.step == .member {
                    prompt.delegation = TextEditor(prompt.members[prompt.member].organisation, singleLine: true)
                    prompt.step = .capacity
                } else {
                    prompt.step = .delegation
                }
            default: break
            }
            if key.name != "enter" { if prompt.step == .member { prompt.member = chosen } else { prompt.capacity = chosen } }
        case .delegation:
            if key == .enter {
                let delegation = prompt.delegation.text.trimmingCharacters(in: .whitespaces)
                guard !delegation.isEmpty else { return [] }
                state.registering = nil
                return [.meeting(.registerParticipant(meeting: state.id, member: prompt.members[prompt.member].feed,
                                                      capacity: RegistrationPrompt.capacities[prompt.capacity], delegation: delegation))]
            }
            _ = prompt.delegation.handle(key)
        }
        state.registering = prompt
        return []
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
    var bindings: [Binding] {
        let typing = [Binding("enter", help: .helpOpen), Binding("esc", help: .helpCancel), Binding("ctrl+c", help: .helpQuit)]
        return step == .delegation ? typing : [Binding("up", "down", "k", "j", help: .helpMove)] + typing
    }
}
