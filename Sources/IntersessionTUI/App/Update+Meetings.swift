import IntersessionCore
import IntersessionStore

/// The meeting screens' keys, loads and bindings.
extension Update {
    static func meetingKey(_ key: Key, _ screen: MeetingScreen, _ model: inout Model) -> [Effect] {
        switch screen {
        case .list(var list):
            if navigate(key, &list, rows: model.contentRows) {
                model.screen = .meetings(.list(list))
                return []
            }
            if isOpen(key), let meeting = list.current {
                model.screens.append(.meetings(.meeting(MeetingScreenState(id: meeting.id))))
                return [.meeting(.loadMeeting(id: meeting.id))]
            }
            return key.name == "left" || key.name == "h" ? goBack(&model) : []
        case .meeting(var state):
            if navigate(key, &state.agenda, rows: max(1, model.contentRows - MeetingView.headerRows(state))) {
                model.screen = .meetings(.meeting(state))
                return []
            }
            if isOpen(key), let item = state.agenda.current {
                model.screens.append(.meetings(.item(AgendaItemScreenState(id: item.id))))
                return [.meeting(.loadItem(id: item.id))]
            }
            switch key.name {
            case "R": return [.meeting(.register(meeting: state.id))]
            case "P" where model.moderates: return [.meeting(.loadRegistrants(meeting: state.id))]
            case "C":
                guard let phase = state.detail?.summary.currentPhase.flatMap(MeetingPhaseKind.init(rawValue:)) else { return [] }
                return holdingIrreversible([.meeting(.closePhase(meeting: state.id, phase: phase))], &model)
            case "left", "h": return goBack(&model)
            default: return []
            }
        case .item(var state):
            return itemKey(key, &state, &model)
        }
    }

    private static func itemKey(_ key: Key, _ state: inout AgendaItemScreenState, _ model: inout Model) -> [Effect] {
        defer { if case .meetings(.item) = model.screen { model.screen = .meetings(.item(state)) } }
        if let prompt = state.prompt { return itemPromptKey(key, prompt, &state, &model) }
        switch key.name {
        case "up", "k": state.scroll = max(0, state.scroll - 1)
        case "down", "j": state.scroll += 1
        case "enter", "right", "l": return openThread(state.id, at: nil, &model)
        case "O": state.prompt = .outcome(kind: 0, summary: TextEditor(singleLine: true), typing: false)
        case "!": state.prompt = .concern(TextEditor(singleLine: true))
        case "a" where model.moderates: startAnswer(&state, &model)
        case "c":
            guard let item = state.item else { return [] }
            model.screen = .meetings(.item(state))
            model.screens.append(.compose(ComposeState(kind: .itemComment(item: item.id, number: item.number))))
        case "left", "h": return goBack(&model)
        default: break
        }
        return []
    }

    private static func itemPromptKey(_ key: Key, _ prompt: AgendaItemScreenState.Prompt, _ state: inout AgendaItemScreenState,
                                      _ model: inout Model) -> [Effect] {
        if key == .escape {
            state.prompt = nil
            return []
        }
        switch prompt {
        case .answer(let concern, let editor):
            return answerKey(key, concern: concern, editor, &state, &model)
        case .concern(var editor):
            if key == .enter {
                let text = editor.text.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { return [] }
                state.prompt = nil
                return [.meeting(.raiseConcern(item: state.id, text: text))]
            }
            _ = editor.handle(key)
            state.prompt = .concern(editor)
        case .outcome(var kind, var summary, let typing):
            let kinds = OutcomeKind.allCases
            if !typing {
                switch key.name {
                case "up", "k": kind = max(0, kind - 1)
                case "down", "j": kind = min(kinds.count - 1, kind + 1)
                case "enter", "tab": state.prompt = .outcome(kind: kind, summary: summary, typing: true); return []
                default: break
                }
                state.prompt = .outcome(kind: kind, summary: summary, typing: false)
                return []
            }
            if key == .enter {
                let text = summary.text.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { return [] }
                state.prompt = nil
                return holdingIrreversible([.meeting(.setOutcome(item: state.id, kind: kinds[kind], summary: text))], &model)
            }
            _ = summary.handle(key)
            state.prompt = .outcome(kind: kind, summary: summary, typing: true)
        }
        return []
    }

    static func meetingMessage(_ message: MeetingMessage, _ model: inout Model) -> [Effect] {
        let bySecretariat = model.isSecretariat
        model.updateScreens { screen in
            guard case .meetings(let meetings) = screen else { return }
            switch (meetings, message) {
            case (.list(var list), .listLoaded(let items)):
                list.replace(items, keeping: \.id)
                screen = .meetings(.list(list))
            case (.meeting(var state), .meetingLoaded(let detail)) where detail.summary.id == state.id:
                state.detail = detail
                state.agenda.replace(detail.agenda, keeping: \.id)
                screen = .meetings(.meeting(state))
            case (.item(var state), .itemLoaded(let item)) where item.id == state.id:
                state.item = item
                screen = .meetings(.item(state))
            case (.meeting(var state), .registrantsLoaded(let meeting, let people)) where meeting == state.id && !people.isEmpty:
                state.registering = RegistrationPrompt(members: people, bySecretariat: bySecretariat)
                screen = .meetings(.meeting(state))
            default: break
            }
        }
        return []
    }

    static func reloadMeeting(_ screen: MeetingScreen) -> [Effect] {
        switch screen {
        case .list: [.meeting(.loadList)]
        case .meeting(let state): [.meeting(.loadMeeting(id: state.id))]
        case .item(let state): [.meeting(.loadItem(id: state.id))]
        }
    }

    static func outcomeText(_ kind: OutcomeKind) -> TextKey {
        switch kind {
        case .noted: .outcomeNoted
        case .endorsed: .outcomeEndorsed
        case .adopted: .outcomeAdopted
        case .deferred: .outcomeDeferred
        case .noConsensus: .outcomeNoConsensus
        }
    }

    static func phaseText(_ phase: String) -> TextKey {
        switch MeetingPhaseKind(rawValue: phase) {
        case .consensus: .meetingPhaseConsensus
        case .concerns: .meetingPhaseConcerns
        default: .meetingPhaseComment
        }
    }

    static func purposeText(_ purpose: String) -> TextKey {
        switch ItemPurpose(rawValue: purpose) {
        case .information: .purposeInformation
        case .note: .purposeNote
        case .guidance: .purposeGuidance
        case .decision: .purposeDecision
        default: .purposeDiscussion
        }
    }

    /// Where an item stands, in words: open, held by concerns, or its outcome.
    static func standingText(_ standing: String) -> TextKey {
        if standing == "open" { return .meetingStandingOpen }
        if standing == "held" { return .meetingStandingHeld }
        return OutcomeKind(rawValue: standing).map(outcomeText) ?? .meetingStandingOpen
    }
}

extension Bindings {
    static func of(_ screen: MeetingScreen, _ model: Model) -> [Binding] {
        switch screen {
        case .list(let list): return moving(list.items.count) + [open, back] + reading
        case .meeting(let state):
            var keys = moving(state.agenda.items.count) + (state.agenda.items.isEmpty ? [] : [open]) + [Binding("R", help: .helpRegister)]
            if let registering = state.registering { return registering.bindings }
            if model.moderates { keys.append(Binding("P", help: .helpRegisterOther)) }
            if model.moderates, state.detail?.summary.currentPhase != nil { keys.append(Binding("C", help: .helpClosePhase)) }
            return keys + [back] + reading
        case .item(let state):
            if case .answer = state.prompt {
                return [Binding("enter", help: .helpOpen), Binding("tab", help: .helpNextConcern), Binding("esc", help: .helpCancel),
                        Binding("ctrl+c", help: .helpQuit)]
            }
            if state.prompt != nil { return [Binding("enter", help: .helpOpen), Binding("esc", help: .helpCancel), Binding("ctrl+c", help: .helpQuit)] }
            var keys = [Binding("up", "down", "k", "j", help: .helpScrollPost), Binding("enter", "right", "l", help: .helpItemThread),
                        Binding("c", help: .helpItemComment), Binding("!", help: .helpConcern)]
            if model.moderates { keys += [Binding("a", help: .helpAnswerConcern), Binding("O", help: .helpOutcome)] }
            return keys + [back] + reading
        }
    }
}
