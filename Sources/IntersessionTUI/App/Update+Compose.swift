import IntersessionCore

extension Update {
    static func composeKey(_ key: Key, _ compose: inout ComposeState, _ model: inout Model) -> [Effect] {
        if key != .escape { compose.confirmDiscard = false }
        compose.error = nil
        switch key.name {
        case "esc":
            let empty = compose.body.isEmpty && compose.title.isEmpty
            let unchanged = {
                switch compose.kind {
                case .edit(let post): return compose.body.text == post.body
                case .draft(_, let start): return compose.body.text == start.text
                case .amend(_, _, let original): return compose.body.text == original && compose.title.isEmpty
                default: return false
                }
            }()
            if empty || unchanged || compose.confirmDiscard {
                model.screens.removeLast()
                return []
            }
            compose.confirmDiscard = true
            model.flash = model.catalog[.composeDiscard]
            return []
        case "ctrl+s", "f2":
            return send(&compose)
        case "ctrl+e", "f3":
            return [.openEditor(compose.body.text)]
        case "f1", "ctrl+g":
            model.showHelp = true
            model.helpScroll = 0
            return []
        case "tab", "shift+tab":
            if compose.hasTitleField { compose.field = compose.field == .title ? .body : .title }
            return []
        case "enter" where compose.field == .title:
            compose.field = .body
            return []
        default:
            if compose.field == .title { _ = compose.title.handle(key) } else { _ = compose.body.handle(key) }
            return []
        }
    }

    static func send(_ compose: inout ComposeState) -> [Effect] {
        let body = compose.body.text
        if case .draft = compose.kind {
            guard body.utf8.count <= Limits.draftBytes else { compose.error = .composeTooLong; return [] }
            return [.send(compose.kind, title: "", body: body)]
        }
        if case .amend = compose.kind {
            let rationale = compose.title.text.trimmingCharacters(in: .whitespaces)
            guard ContentCheck.isBody(rationale) else {
                compose.error = .composeTitleEmpty
                compose.field = .title
                return []
            }
            guard body.utf8.count <= Limits.postBodyBytes else { compose.error = .composeTooLong; return [] }
            return [.send(compose.kind, title: rationale, body: body)]
        }
        guard ContentCheck.isBody(body) else {
            compose.error = body.utf8.count > Limits.postBodyBytes ? .composeTooLong : .composeEmpty
            return []
        }
        var title = ""
        if case .thread = compose.kind {
            title = compose.title.text.trimmingCharacters(in: .whitespaces)
            guard ContentCheck.isTitle(title) else {
                compose.error = .composeTitleEmpty
                compose.field = .title
                return []
            }
        }
        return [.send(compose.kind, title: title, body: body)]
    }
}
