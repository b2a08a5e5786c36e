import IntersessionCore

extension Update {
    static func composeKey(_ key: Key, _ compose: inout ComposeState, _ model: inout Model) -> [Effect] {
        if key != .escape { compose.confirmDiscard = false }
        compose.error = nil
        switch key.name {
        case "esc":
            let empty = compose.body.isEmpty && compose.title.isEmpty
            let unchanged = { if case .edit(let post) = compose.kind { return compose.body.text == post.body } else { return false } }()
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
        case "tab", "shift+tab":
            if case .thread = compose.kind { compose.field = compose.field == .title ? .body : .title }
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
