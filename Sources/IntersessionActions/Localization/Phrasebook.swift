import Foundation
import IntersessionCore
import IntersessionResources
import IntersessionStore

/// The texts of one language, from `Resources/i18n/<language>.json` (a flat object of key to
/// text, where `{0}`, `{1}`… stand for arguments): what the command line and the interface both
/// render phrases and errors with.
public struct Phrasebook: Sendable {
    public let language: Language
    public let texts: [String: String]

    /// What separates the items of a list run into a sentence: French sets a narrow no-break
    /// space before the semicolon, as before every double punctuation mark.
    public var listSeparator: String { language == .fr ? "\u{202F}; " : "; " }

    public init(language: Language) {
        self.language = language
        texts = (try? Self.load(language)) ?? [:]
    }

    /// The texts of `keys` alone (see ``CatalogScanner``), for a command that prints only these.
    public init(language: Language, keys: Set<String>) {
        self.language = language
        let catalog = Array(EmbeddedResources.catalog(language.rawValue))
        texts = CatalogScanner.texts(catalog, keys: keys) ?? ((try? Self.load(language)) ?? [:]).filter { keys.contains($0.key) }
    }

    public static func load(_ language: Language) throws -> [String: String] {
        let json = try JSONParser.parse(Array(EmbeddedResources.catalog(language.rawValue)))
        var texts: [String: String] = [:]
        for (key, value) in json.objectValue ?? [:] { if let text = value.stringValue { texts[key] = text } }
        return texts
    }

    /// The text of `key` with its arguments put in (the key itself when the catalog lacks it).
    public func text(_ key: String, _ arguments: [String] = []) -> String {
        Placeholders.fill(texts[key] ?? key, arguments)
    }

    public func text(_ phrase: Phrase) -> String { text(phrase.key, phrase.arguments) }

    /// A count with its noun in the right number: `key.one` or `key`, with the count as `{0}`.
    public func counted(_ key: String, _ value: Int) -> String {
        text(Plural.key(key, value, in: language), [String(value)])
    }

    /// What went wrong, in this language: a typed error's phrase, else the error's own text.
    public func text(for error: Error) -> String { text(Self.phrase(for: error)) }

    /// Any error as a phrase: typed errors carry theirs; others (a format or file error of a
    /// lower layer that has none yet) are passed through as `error.other`.
    public static func phrase(for error: Error) -> Phrase {
        if let explained = error as? Explained { return explained.phrase }
        if let fault = FileFault(foundation: error) { return fault.phrase }
        return Phrase("error.other", ["\(error)"])
    }
}
