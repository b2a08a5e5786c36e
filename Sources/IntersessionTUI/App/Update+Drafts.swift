import IntersessionCore
import IntersessionStore

/// Drafts: the list, a draft's paragraphs, the changes since its latest version, and the
/// amendments table with the penholders' decisions.
extension Update {
    static func draftsKey(_ key: Key, _ list: inout ListState<DraftSummary>, _ model: inout Model) -> [Effect] {
        if navigate(key, &list, rows: model.contentRows) {
            model.screen = .drafts(list)
            return []
        }
        if isOpen(key), let draft = list.current {
            model.screens.append(.draft(DraftState(id: draft.id)))
            return [.loadDraft(id: draft.id)]
        }
        return key.name == "left" || key.name == "h" ? goBack(&model) : []
    }

    static func draftKey(_ key: Key, _ draft: inout DraftState, _ model: inout Model) -> [Effect] {
        if let prompt = draft.prompt {
            defer { if case .draft = model.screen { model.screen = .draft(draft) } }
            return draftPromptKey(key, prompt, &draft)
        }
        if navigate(key, &draft.list, rows: max(1, model.contentRows / 3)) {
            model.screen = .draft(draft)
            return []
        }
        guard draft.detail != nil else { return key.name == "left" || key.name == "h" ? goBack(&model) : [] }
        let paragraph = draft.list.current
        switch key.name {
        case "e":
            return [.beginDraftEdit(id: draft.id)]
        case "c":
            guard let number = paragraph?.number else { return [] }
            model.screens.append(.compose(ComposeState(kind: .comment(draft: draft.id, paragraph: number))))
        case "a":
            guard let paragraph, let number = paragraph.number else { return [] }
            var compose = ComposeState(kind: .amend(draft: draft.id, paragraph: number, original: paragraph.text))
            compose.field = .title
            model.screens.append(.compose(compose))
        case "d":
            model.screens.append(.draftDiff(DraftDiffState(id: draft.id)))
            return [.loadDraftDiff(id: draft.id)]
        case "t":
            model.screens.append(.amendments(AmendmentsState(draft: draft.id)))
            return [.loadAmendments(draft: draft.id)]
        case "v":
            draft.prompt = .version(TextEditor(singleLine: true))
            model.screen = .draft(draft)
        case "S":
            guard model.moderates, let status = draft.detail.flatMap({ DraftStatus(rawValue: $0.summary.status) }) else { return [] }
            draft.prompt = .status(DraftStatus.allCases.firstIndex(of: status) ?? 0)
            model.screen = .draft(draft)
        case "enter", "right", "l":
            guard let thread = paragraph?.comments.first else { return [] }
            return openThread(thread, at: nil, &model)
        case "F":
            return openAttachments(of: draft.id, &model)
        case "left", "h":
            return goBack(&model)
        default:
            break
        }
        return []
    }

    static func draftPromptKey(_ key: Key, _ prompt: DraftState.Prompt, _ draft: inout DraftState) -> [Effect] {
        if key == .escape {
            draft.prompt = nil
            return []
        }
        switch prompt {
        case .version(var name):
            if key == .enter {
                let text = name.text.trimmingCharacters(in: .whitespaces)
                guard ContentCheck.isTitle(text) else { return [] }
                draft.prompt = nil
                return [.nameVersion(draft: draft.id, name: text)]
            }
            _ = name.handle(key)
            draft.prompt = .version(name)
        case .status(let index):
            switch key.name {
            case "up", "k": draft.prompt = .status(max(0, index - 1))
            case "down", "j": draft.prompt = .status(min(DraftStatus.allCases.count - 1, index + 1))
            case "enter":
                draft.prompt = nil
                return [.setDraftStatus(draft: draft.id, status: DraftStatus.allCases[index])]
            default: break
            }
        }
        return []
    }

    static func draftDiffKey(_ key: Key, _ diff: inout DraftDiffState, _ model: inout Model) -> [Effect] {
        switch key.name {
        case "down", "j": diff.scroll += 1
        case "up", "k": diff.scroll = max(0, diff.scroll - 1)
        case "pgdown", "space": diff.scroll += max(1, model.contentRows - 1)
        case "pgup": diff.scroll = max(0, diff.scroll - max(1, model.contentRows - 1))
        case "home": diff.scroll = 0
        case "end": diff.scroll = DraftDiffView.maximumScroll(diff, model)
        case "left", "h": return goBack(&model)
        default: return []
        }
        diff.scroll = min(diff.scroll, DraftDiffView.maximumScroll(diff, model))
        model.screen = .draftDiff(diff)
        return []
    }

    static func amendmentsKey(_ key: Key, _ state: inout AmendmentsState, _ model: inout Model) -> [Effect] {
        defer { if case .amendments = model.screen { model.screen = .amendments(state) } }
        if var reason = state.rejecting {
            if key == .escape { state.rejecting = nil; return [] }
            if key == .enter {
                let text = reason.text.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty, let amendment = state.list.current, let id = EntityID(hex: amendment.id) else { return [] }
                state.rejecting = nil
                return [.decideAmendment(id, accept: false, reason: text)]
            }
            _ = reason.handle(key)
            state.rejecting = reason
            return []
        }
        if navigate(key, &state.list, rows: max(1, model.contentRows / 4)) { return [] }
        guard let amendment = state.list.current, let id = EntityID(hex: amendment.id) else {
            return key.name == "left" || key.name == "h" ? goBack(&model) : []
        }
        let open = amendment.status == AmendmentStatus.open.rawValue
        switch key.name {
        case "+" where open: return [.amendmentPosition(id, supports: true)]
        case "-" where open: return [.amendmentPosition(id, supports: false)]
        case "y" where open: return [.decideAmendment(id, accept: true, reason: nil)]
        case "r" where open: state.rejecting = TextEditor(singleLine: true)
        case "left", "h": return goBack(&model)
        default: break
        }
        return []
    }

    static func draftMessage(_ message: Message, _ model: inout Model) -> [Effect] {
        switch message {
        case .draftsLoaded(let drafts):
            model.updateScreens { screen in
                if case .drafts(var list) = screen { list.replace(drafts, keeping: \.id); screen = .drafts(list) }
            }
        case .draftLoaded(let detail):
            model.updateScreens { screen in
                guard case .draft(var draft) = screen, draft.id == detail.summary.id else { return }
                draft.detail = detail
                draft.list.replace(detail.paragraphs, keeping: \.text)
                screen = .draft(draft)
            }
        case .draftDiffLoaded(let id, let since, let changes):
            model.updateScreens { screen in
                guard case .draftDiff(var diff) = screen, diff.id == id else { return }
                diff.since = since
                diff.changes = changes
                diff.loaded = true
                screen = .draftDiff(diff)
            }
        case .draftEditBegan(let id, let start):
            model.screens.append(.compose(ComposeState(kind: .draft(id: id, start: start))))
        case .amendmentsLoaded(let draft, let amendments):
            model.updateScreens { screen in
                guard case .amendments(var state) = screen, state.draft == draft else { return }
                state.list.replace(amendments, keeping: \.id)
                screen = .amendments(state)
            }
        default:
            break
        }
        return []
    }

    static func statusText(_ status: String) -> TextKey {
        switch DraftStatus(rawValue: status) ?? .working {
        case .working: .draftStatusWorking
        case .comment: .draftStatusComment
        case .adoption: .draftStatusAdoption
        case .adopted: .draftStatusAdopted
        case .superseded: .draftStatusSuperseded
        }
    }
}
