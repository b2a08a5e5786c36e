import Foundation
import IntersessionCore
import IntersessionResources

/// The interface's texts in one language, from `Resources/i18n/<language>.json`: a flat object
/// of key to text, where `{0}`, `{1}`… stand for arguments.
public struct Catalog: Sendable {
    public let language: Language
    let texts: [String: String]

    public init(language: Language) {
        self.language = language
        texts = (try? Self.load(language)) ?? [:]
    }

    static func load(_ language: Language) throws -> [String: String] {
        let json = try JSONParser.parse(Array(EmbeddedResources.catalog(language.rawValue)))
        var texts: [String: String] = [:]
        for (key, value) in json.objectValue ?? [:] { if let text = value.stringValue { texts[key] = text } }
        return texts
    }

    public subscript(_ key: TextKey, _ arguments: CustomStringConvertible...) -> String {
        var text = texts[key.rawValue] ?? key.rawValue
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument.description)
        }
        return text
    }

    /// A count with its noun: `one` for a single item (and for none, in French), else `other`.
    public func count(_ value: Int, _ one: TextKey, _ other: TextKey, formats: Formats) -> String {
        let singular = language == .fr ? value <= 1 : value == 1
        return self[singular ? one : other, formats.number(value)]
    }

    /// The keys a catalog file holds (for the completeness test).
    static func keys(_ language: Language) throws -> Set<String> { Set(try load(language).keys) }
}
