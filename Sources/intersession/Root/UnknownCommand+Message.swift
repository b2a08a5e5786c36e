import IntersessionCore

extension UnknownCommand {
    /// One line for stderr, in the user's language.
    func message(in language: Language) -> String {
        let command = (["intersession"] + path).joined(separator: " ")
        switch language {
        case .fr:
            let hint = suggestion.map { " Vouliez-vous dire « \($0) » ?" } ?? ""
            return "intersession : « \(word) » n’est pas une commande de « \(command) ».\(hint) (« \(command) --help » les énumère.)"
        case .en:
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "intersession: '\(word)' is not a command of '\(command)'.\(hint) ('\(command) --help' lists them.)"
        }
    }
}
