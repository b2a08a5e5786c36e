/// The group's working languages.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case en
    case fr
}

/// A text in one or both working languages, as topic and group titles are.
public struct LocalizedText: Sendable, Hashable {
    public var english: String?
    public var french: String?

    public init(english: String?, french: String?) {
        self.english = english
        self.french = french
    }

    init?(json: JSONValue) {
        guard let fields = json.objectValue, !fields.isEmpty,
            fields.keys.allSatisfy({ Language(rawValue: $0) != nil }),
            fields.values.allSatisfy({ $0.stringValue != nil })
        else { return nil }
        english = fields["en"]?.stringValue
        french = fields["fr"]?.stringValue
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = [:]
        if let english { fields["en"] = .string(english) }
        if let french { fields["fr"] = .string(french) }
        return .object(fields)
    }

    /// The text in `language`, else in the other one.
    public func text(in language: Language) -> String {
        switch language {
        case .en: english ?? french ?? ""
        case .fr: french ?? english ?? ""
        }
    }
}
