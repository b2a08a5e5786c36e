import IntersessionCore
import IntersessionStore

/// The library screens' keys, loads and bindings. A step's key is offered only when the core's
/// rules would count it from here (``PracticeStepKind/actor`` and ``PracticeStepKind/next(from:)``).
extension Update {
    static func libraryKey(_ key: Key, _ screen: LibraryScreen, _ model: inout Model) -> [Effect] {
        switch screen {
        case .list(var state):
            if navigate(key, &state.list, rows: model.contentRows) {
                model.screen = .library(.list(state))
                return []
            }
            if isOpen(key), let practice = state.list.current {
                model.screens.append(.library(.practice(PracticeScreenState(id: practice.id))))
                return [.library(.loadPractice(id: practice.id))]
            }
            if key.name == "f" {
                state.nextFilter()
                model.screen = .library(.list(state))
                return []
            }
            return key.name == "left" || key.name == "h" ? goBack(&model) : []
        case .practice(var state):
            defer { if case .library(.practice) = model.screen { model.screen = .library(.practice(state)) } }
            return practiceKey(key, &state, &model)
        case .versions(var state):
            if navigate(key, &state.list, rows: model.contentRows) {
                state.scroll = 0
                model.screen = .library(.versions(state))
                return []
            }
            return key.name == "left" || key.name == "h" ? goBack(&model) : []
        }
    }

    private static func practiceKey(_ key: Key, _ state: inout PracticeScreenState, _ model: inout Model) -> [Effect] {
        if state.choosingNewer != nil || state.choosingText != nil { return practicePickerKey(key, &state, &model) }
        if let chosen = state.choosingEdition {
            switch key.name {
            case "up", "k": state.choosingEdition = max(0, chosen - 1)
            case "down", "j": state.choosingEdition = min(max(0, state.editions.count - 1), chosen + 1)
            case "esc": state.choosingEdition = nil
            case "enter":
                state.choosingEdition = nil
                guard state.editions.indices.contains(chosen) else { return [] }
                return holdingIrreversible([.library(.step(practice: state.id, kind: .publish, edition: state.editions[chosen].id))], &model)
            default: break
            }
            return []
        }
        switch key.name {
        case "up", "k": state.scroll = max(0, state.scroll - 1)
        case "down", "j": state.scroll += 1
        case "enter", "right", "l": return openThread(state.id, at: nil, &model)
        case "v":
            var versions = PracticeVersionsState(id: state.id)
            if let detail = state.detail { versions.detail = detail; versions.list = ListState(items: detail.versions, selected: detail.versions.count - 1) }
            model.screens.append(.library(.versions(versions)))
            return []
        case "left", "h": return goBack(&model)
        case "F": return openAttachments(of: state.id, &model)
        default:
            guard let kind = stepKeys.first(where: { $0.key == key.name })?.kind, allows(kind, state, model) else { return [] }
            switch kind {
            case .publish: state.choosingEdition = 0
            case .supersede: state.choosingNewer = 0
            case .update: state.choosingText = 0
            default: return holdingIrreversible([.library(.step(practice: state.id, kind: kind, edition: nil))], &model)
            }
            return []
        }
        return []
    }

    /// The practice that supersedes this one, or the text a new version changes, being chosen.
    private static func practicePickerKey(_ key: Key, _ state: inout PracticeScreenState, _ model: inout Model) -> [Effect] {
        let count = state.choosingNewer != nil ? state.newerChoices.count : PracticeTextField.all.count
        let chosen = state.choosingNewer ?? state.choosingText ?? 0
        var moved = chosen
        switch key.name {
        case "up", "k": moved = max(0, chosen - 1)
        case "down", "j": moved = min(max(0, count - 1), chosen + 1)
        case "esc":
            state.choosingNewer = nil
            state.choosingText = nil
            return []
        case "enter":
            let superseding = state.choosingNewer != nil
            state.choosingNewer = nil
            state.choosingText = nil
            if superseding {
                guard state.newerChoices.indices.contains(chosen) else { return [] }
                return holdingIrreversible([.library(.supersede(practice: state.id, newer: state.newerChoices[chosen].id))], &model)
            }
            let field = PracticeTextField.all[chosen]
            model.screen = .library(.practice(state))
            model.screens.append(.compose(ComposeState(kind: .practiceText(practice: state.id, field: field, text: field.text(in: state.detail?.current)))))
            return []
        default: return []
        }
        if state.choosingNewer != nil { state.choosingNewer = moved } else { state.choosingText = moved }
        return []
    }

    /// The workflow's keys on a practice, each with its help.
    static let stepKeys: [(key: String, kind: PracticeStepKind, help: TextKey)] = [
        ("S", .submit, .helpPracticeSubmit), ("R", .review, .helpPracticeReview), ("O", .open, .helpPracticeOpen),
        ("E", .endorse, .helpPracticeEndorse), ("P", .publish, .helpPracticePublish), ("X", .withdraw, .helpPracticeWithdraw),
        ("U", .update, .helpPracticeUpdate), ("K", .return, .helpPracticeReturn), ("N", .supersede, .helpPracticeSupersede),
    ]

    /// Whether the person may take `kind` on the practice as shown: the same check the rules make.
    static func allows(_ kind: PracticeStepKind, _ state: PracticeScreenState, _ model: Model) -> Bool {
        guard let summary = state.detail?.summary, let current = PracticeState(rawValue: summary.state) else { return false }
        let roles = Set(model.roles.compactMap(Role.init(rawValue:)))
        return kind.actor.allows(roles: roles, isSubmitter: summary.submitter.feed == model.me) && kind.next(from: current) != nil
            && (kind != .publish || !state.editions.isEmpty) && (kind != .supersede || !state.newerChoices.isEmpty)
    }

    static func libraryMessage(_ message: LibraryMessage, _ model: inout Model) -> [Effect] {
        model.updateScreens { screen in
            guard case .library(let library) = screen else { return }
            switch (library, message) {
            case (.list(var state), .listLoaded(let practices)):
                state.show(practices)
                screen = .library(.list(state))
            case (.practice(var state), .listLoaded(let practices)):
                state.others = practices
                screen = .library(.practice(state))
            case (.practice(var state), .practiceLoaded(let detail, let editions)) where detail.summary.id == state.id:
                state.detail = detail
                state.editions = editions
                screen = .library(.practice(state))
            case (.versions(var state), .practiceLoaded(let detail, _)) where detail.summary.id == state.id:
                state.detail = detail
                state.list.replace(detail.versions, keeping: \.id)
                screen = .library(.versions(state))
            default: break
            }
        }
        return []
    }

    static func reloadLibrary(_ screen: LibraryScreen) -> [Effect] {
        switch screen {
        case .list: [.library(.loadList)]
        case .practice(let state): [.library(.loadPractice(id: state.id))]
        case .versions(let state): [.library(.loadPractice(id: state.id))]
        }
    }

    static func practiceStateText(_ state: String) -> TextKey {
        switch PracticeState(rawValue: state) {
        case .draft: .practiceStateDraft
        case .submitted: .practiceStateSubmitted
        case .reviewed: .practiceStateReviewed
        case .open: .practiceStateOpen
        case .endorsed: .practiceStateEndorsed
        case .published: .practiceStatePublished
        case .withdrawn: .practiceStateWithdrawn
        case .superseded, nil: .practiceStateSuperseded
        }
    }

    static func practiceStepText(_ kind: String) -> TextKey {
        switch PracticeStepKind(rawValue: kind) {
        case .create: .practiceStepCreate
        case .update: .practiceStepUpdate
        case .submit: .practiceStepSubmit
        case .review: .practiceStepReview
        case .return: .practiceStepReturn
        case .open: .practiceStepOpen
        case .endorse: .practiceStepEndorse
        case .publish: .practiceStepPublish
        case .withdraw: .practiceStepWithdraw
        case .supersede, nil: .practiceStepSupersede
        }
    }

    static func sectionText(_ section: String) -> TextKey {
        switch PracticeSection(rawValue: section) {
        case .context: .practiceSectionContext
        case .approach: .practiceSectionApproach
        case .results: .practiceSectionResults
        case .lessons, nil: .practiceSectionLessons
        }
    }
}

extension Bindings {
    static func of(_ screen: LibraryScreen, _ model: Model) -> [Binding] {
        switch screen {
        case .list(let state):
            return moving(state.list.items.count) + (state.list.items.isEmpty ? [] : [open]) + [Binding("f", help: .helpPracticeFilter), back] + reading
        case .practice(let state):
            if state.isChoosing {
                return [Binding("up", "down", "k", "j", help: .helpMove), Binding("enter", help: .helpOpen), Binding("esc", help: .helpCancel),
                        Binding("ctrl+c", help: .helpQuit)]
            }
            guard state.detail != nil else { return [back] + reading }
            var keys = [Binding("up", "down", "k", "j", help: .helpScrollPost), Binding("enter", "right", "l", help: .helpPracticeThread),
                        Binding("v", help: .helpPracticeVersions), attachments]
            for step in Update.stepKeys where Update.allows(step.kind, state, model) { keys.append(Binding(step.key, help: step.help)) }
            return keys + [back] + reading
        case .versions(let state):
            return moving(state.list.items.count) + [back] + reading
        }
    }
}
