import Foundation
import IntersessionActions
import IntersessionCore

/// The interface's texts in one language, by `TextKey`, from the same phrasebook the command
/// line renders its messages with (`Resources/i18n/<language>.json`).
public struct Catalog: Sendable {
    public let language: Language
    let phrasebook: Phrasebook

    public init(language: Language) {
        self.language = language
        phrasebook = Phrasebook(language: language)
    }

    public subscript(_ key: TextKey, _ arguments: CustomStringConvertible...) -> String {
        phrasebook.text(key.rawValue, arguments.map(\.description))
    }

    /// A phrase of the layers below (a refusal, an error), in this language.
    public func text(_ phrase: Phrase) -> String { phrasebook.text(phrase) }

    /// A count with its noun: `one` for a single item (and for none, in French), else `other`.
    public func count(_ value: Int, _ one: TextKey, _ other: TextKey, formats: Formats) -> String {
        self[Plural.category(value, in: language) == .one ? one : other, formats.number(value)]
    }

    /// What an op type did, in words ("named a version"), for the audit log; the type itself,
    /// escaped, for one this catalog does not know (a newer peer's).
    public func act(_ type: String) -> String {
        phrasebook.texts[Self.actPrefix + type] ?? type.terminalSafe
    }

    static let actPrefix = "audit.op."

    /// Why the rules refused an act, in words, as the audit log says it of someone: a key per
    /// `RejectionReason` code. An unknown code (from a newer version) shows as it is, escaped.
    public func rejection(_ code: String) -> String {
        phrasebook.texts[Self.reasonPrefix + code] ?? code.terminalSafe
    }

    static let reasonPrefix = "audit.reason."


    /// The keys a catalog file holds (for the completeness test).
    static func keys(_ language: Language) throws -> Set<String> { Set(try Phrasebook.load(language).keys) }
}
