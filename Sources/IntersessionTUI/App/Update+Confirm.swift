extension Update {
    /// Holds the effects of a key when one of them cannot be undone, and asks first.
    static func holdingIrreversible(_ effects: [Effect], _ model: inout Model) -> [Effect] {
        guard let confirmation = Confirmation.asking(for: effects, model) else { return effects }
        model.confirmation = confirmation
        return []
    }

    /// `y` (and in French `o`, for oui) does what was asked; any other key (n, Esc, …) does
    /// nothing and says so.
    static func confirmKey(_ key: Key, _ confirmation: Confirmation, _ model: inout Model) -> [Effect] {
        model.confirmation = nil
        let yes = ["y", "Y"] + (model.language == .fr ? ["o", "O"] : [])
        if yes.contains(key.name) { return confirmation.effects }
        model.flash = model.catalog[.confirmCancelled]
        return []
    }
}

extension Update {
    /// The help overlay scrolls with the moving keys; any other key closes it.
    static func helpKey(_ key: Key, _ model: inout Model) -> [Effect] {
        let page = max(1, HelpView.textRows(model) - 1)
        let bottom = HelpView.maximumScroll(model)
        switch key.name {
        case "up", "k": model.helpScroll = max(0, model.helpScroll - 1)
        case "down", "j": model.helpScroll = min(bottom, model.helpScroll + 1)
        case "pgup", "ctrl+b": model.helpScroll = max(0, model.helpScroll - page)
        case "pgdown", "ctrl+f", "space": model.helpScroll = min(bottom, model.helpScroll + page)
        case "home", "g": model.helpScroll = 0
        case "end", "G": model.helpScroll = bottom
        default:
            model.showHelp = false
            model.helpScroll = 0
        }
        return []
    }
}
