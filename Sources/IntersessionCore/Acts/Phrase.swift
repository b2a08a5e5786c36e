/// A message for a person, as a catalog key and its arguments, so that each front end renders
/// it in the reader's language (`Resources/i18n/<language>.json`: `{0}`, `{1}`… stand for the
/// arguments).
public struct Phrase: Sendable, Hashable, CustomStringConvertible {
    public var key: String
    public var arguments: [String]

    public init(_ key: String, _ arguments: [String] = []) {
        self.key = key
        self.arguments = arguments
    }

    public var description: String { arguments.isEmpty ? key : "\(key)(\(arguments.joined(separator: ", ")))" }
}

/// An error that says what went wrong as a phrase.
public protocol Explained: Error {
    var phrase: Phrase { get }
}

extension RejectionReason {
    /// Why the rules refused an op, for a person: `rejection.<reason>` in the catalogs.
    public var phrase: Phrase { Phrase("rejection." + rawValue) }
}
