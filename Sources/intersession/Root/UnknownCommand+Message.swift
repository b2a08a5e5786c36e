import IntersessionActions
import IntersessionCore

extension UnknownCommand {
    /// One line for stderr, in the user's language (`error.cli.unknownCommand*` in the catalogs).
    func message(in language: Language) -> String {
        let command = (["intersession"] + path).joined(separator: " ")
        let phrase = suggestion.map { InputError("unknownCommandNear", word, command, $0).phrase }
            ?? InputError("unknownCommand", word, command).phrase
        return "intersession: " + Phrasebook(language: language).text(phrase)
    }
}
