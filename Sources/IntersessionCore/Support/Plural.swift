/// Which form of a counted noun a number takes: the one rule, for every count the interface
/// and the reports write (each counted text has a key and a `.one` key).
public enum Plural: Sendable, Hashable {
    case one, other

    /// English takes the singular for 1 alone; French for 0 and 1 ("0 message", "1 message").
    public static func category(_ value: Int, in language: Language) -> Plural {
        switch language {
        case .en: value == 1 ? .one : .other
        case .fr: value == 0 || value == 1 ? .one : .other
        }
    }

    /// The catalog key for `value` of the counted text `key`: `key.one` or `key`.
    public static func key(_ key: String, _ value: Int, in language: Language) -> String {
        category(value, in: language) == .one ? key + ".one" : key
    }
}
