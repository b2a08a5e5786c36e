import Foundation

extension Update {
    static func welcomeKey(_ key: Key, _ welcome: inout WelcomeState, _ model: inout Model) -> [Effect] {
        switch welcome.step {
        case .choose:
            switch key.name {
            case "up", "k": welcome.selected = max(0, welcome.selected - 1)
            case "down", "j": welcome.selected = min(WelcomeState.Choice.allCases.count - 1, welcome.selected + 1)
            case "q", "esc":
                model.quitting = true
                return [.quit]
            case "enter":
                switch WelcomeState.Choice(rawValue: welcome.selected)! {
                case .create: welcome.step = .create
                case .join: welcome.step = .join
                case .demo: return [.openDemo]
                case .quit:
                    model.quitting = true
                    return [.quit]
                }
                welcome.field = 0
            default: break
            }
            return []
        case .create, .join:
            let fields = 2
            switch key.name {
            case "esc":
                welcome.step = .choose
                return []
            case "tab", "down":
                welcome.field = (welcome.field + 1) % fields
                return []
            case "shift+tab", "up":
                welcome.field = (welcome.field + fields - 1) % fields
                return []
            case "enter":
                if welcome.field < fields - 1 { welcome.field += 1; return [] }
                let name = welcome.name.text.trimmingCharacters(in: .whitespaces)
                if welcome.step == .create {
                    let organisation = welcome.organisation.text.trimmingCharacters(in: .whitespaces)
                    guard !name.isEmpty, !organisation.isEmpty else { return [] }
                    return [.createProfile(name: name, organisation: organisation)]
                }
                let invite = welcome.invite.text.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, !invite.isEmpty else { return [] }
                return [.joinProfile(invite: invite, name: name)]
            default:
                switch (welcome.step, welcome.field) {
                case (.create, 0), (.join, 1): _ = welcome.name.handle(key)
                case (.create, _): _ = welcome.organisation.handle(key)
                default: _ = welcome.invite.handle(key)
                }
                return []
            }
        }
    }
}
