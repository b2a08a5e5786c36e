import IntersessionCore
import IntersessionStore

/// The report screen's keys, loads and bindings. Making the report a draft is for the
/// co-chairs and the secretariat, as `report --into-draft` is; others are told so.
extension Update {
    static func openReport(_ model: inout Model) -> [Effect] {
        let request = ReportRequest.lastSixMonths(now: model.now, language: model.language)
        model.screens.append(.report(ReportScreenState(request: request)))
        return [.report(.preview(request))]
    }

    static func reportKey(_ key: Key, _ state: inout ReportScreenState, _ model: inout Model) -> [Effect] {
        if let prompt = state.prompt { return reportPromptKey(key, prompt, &state, &model) }
        let bottom = ReportView.maximumScroll(state, model)
        let page = max(1, model.contentRows - 2)
        switch key.name {
        case "up", "k": state.scroll = max(0, state.scroll - 1)
        case "down", "j": state.scroll = min(bottom, state.scroll + 1)
        case "pgup", "ctrl+b": state.scroll = max(0, state.scroll - page)
        case "pgdown", "ctrl+f", "space": state.scroll = min(bottom, state.scroll + page)
        case "home", "g": state.scroll = 0
        case "end", "G": state.scroll = bottom
        case "f": state.prompt = .from(TextEditor(state.request.from, singleLine: true))
        case "t": state.prompt = .to(TextEditor(state.request.to, singleLine: true))
        case "b": state.nextBody(); return rerender(&state)
        case "i": state.nextLanguage(); return rerender(&state)
        case "d", "u":
            guard model.moderates else {
                model.flash = model.catalog[.reportDraftRefused]
                return []
            }
            if key.name == "u" {
                state.prompt = .draft(0)
                return []
            }
            return holdingIrreversible([.report(.intoDraft(state.request, draft: nil))], &model)
        case "left", "h": return goBack(&model)
        default: break
        }
        return []
    }

    private static func rerender(_ state: inout ReportScreenState) -> [Effect] {
        state.preview = nil
        state.scroll = 0
        return [.report(.preview(state.request))]
    }

    private static func reportPromptKey(_ key: Key, _ prompt: ReportScreenState.Prompt, _ state: inout ReportScreenState,
                                        _ model: inout Model) -> [Effect] {
        if key == .escape {
            state.prompt = nil
            return []
        }
        switch prompt {
        case .from(var day), .to(var day):
            guard key == .enter else {
                _ = day.handle(key)
                if case .from = prompt { state.prompt = .from(day) } else { state.prompt = .to(day) }
                return []
            }
            var request = state.request
            if case .from = prompt { request.from = day.text } else { request.to = day.text }
            guard request.period != nil else {
                model.flash = model.catalog[.reportBadPeriod, request.from.terminalSafe, request.to.terminalSafe]
                return []
            }
            state.prompt = nil
            state.request = request
            return rerender(&state)
        case .draft(let index):
            switch key.name {
            case "up", "k": state.prompt = .draft(max(0, index - 1))
            case "down", "j": state.prompt = .draft(min(max(0, state.drafts.count - 1), index + 1))
            case "enter":
                state.prompt = nil
                guard state.drafts.indices.contains(index) else { return [] }
                return holdingIrreversible([.report(.intoDraft(state.request, draft: state.drafts[index].id))], &model)
            default: break
            }
            return []
        }
    }

    static func reportMessage(_ message: ReportMessage, _ model: inout Model) -> [Effect] {
        switch message {
        case .previewed(let request, let preview, let drafts):
            model.updateScreens { screen in
                guard case .report(var state) = screen, state.request == request else { return }
                state.preview = preview
                state.drafts = drafts
                screen = .report(state)
            }
            return []
        case .drafted(let id):
            model.flash = model.catalog[.reportDrafted]
            model.screens.append(.draft(DraftState(id: id)))
            return [.loadDraft(id: id)]
        }
    }

    static func reloadReport(_ state: ReportScreenState) -> [Effect] { [.report(.preview(state.request))] }
}

extension Bindings {
    static func of(_ state: ReportScreenState, _ model: Model) -> [Binding] {
        switch state.prompt {
        case .from, .to:
            return [Binding("enter", help: .helpReportApply), Binding("esc", help: .helpCancel), Binding("ctrl+c", help: .helpQuit)]
        case .draft:
            let move = state.drafts.count > 1 ? [Binding("up", "down", "k", "j", help: .helpMove)] : []
            return move + [Binding("enter", help: .helpOpen), Binding("esc", help: .helpCancel), Binding("ctrl+c", help: .helpQuit)]
        case nil:
            var keys = ReportView.maximumScroll(state, model) > 0 ? moving : []
            keys += [Binding("f", help: .helpReportFrom), Binding("t", help: .helpReportTo), Binding("b", help: .helpReportBody),
                     Binding("i", help: .helpReportLanguage), Binding("d", help: .helpReportIntoDraft)]
            if model.moderates, !state.drafts.isEmpty { keys.append(Binding("u", help: .helpReportIntoExisting)) }
            return keys + [back] + reading
        }
    }
}
