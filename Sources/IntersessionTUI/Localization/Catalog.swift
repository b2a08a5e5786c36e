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
        let singular = language == .fr ? value <= 1 : value == 1
        return self[singular ? one : other, formats.number(value)]
    }

    /// The keys a catalog file holds (for the completeness test).
    static func keys(_ language: Language) throws -> Set<String> { Set(try Phrasebook.load(language).keys) }
}
