import IntersessionCore

/// Why an act on an attachment was refused or could not finish: `error.attachment.<case>` in
/// `Resources/i18n`, with its arguments (names already made terminal-safe).
public enum AttachmentError: Error, Sendable, Equatable, CustomStringConvertible, Explained {
    /// Over the cap, found from the file's size before reading it.
    case tooLarge(name: String, bytes: Int64, limit: Int64)
    case notAFile(path: String)
    /// No post, draft or agenda item has that id.
    case noTarget(typed: String)
    /// Only part of the chunks have arrived; those fetched are kept for the next try.
    case partsMissing(name: String, held: Int, total: Int)
    /// Every chunk arrived and checked, and yet the whole is not the file its manifest names.
    case wholeMismatch(name: String)
    case removed(attachment: String)
    case badFetchMode(String)

    public var phrase: Phrase {
        switch self {
        case .tooLarge(let name, let bytes, let limit):
            Phrase(Self.key("tooLarge"), [name, Self.mebibytes(bytes), Self.mebibytes(limit)])
        case .notAFile(let path): Phrase(Self.key("notAFile"), [path])
        case .noTarget(let typed): Phrase(Self.key("noTarget"), [typed])
        case .partsMissing(let name, let held, let total): Phrase(Self.key("partsMissing"), [name, String(held), String(total)])
        case .wholeMismatch(let name): Phrase(Self.key("wholeMismatch"), [name])
        case .removed(let attachment): Phrase(Self.key("removed"), [attachment])
        case .badFetchMode(let typed): Phrase(Self.key("badFetchMode"), [typed])
        }
    }

    public var description: String { phrase.description }

    /// Every case once, for the catalog test.
    public static let examples: [AttachmentError] = [
        .tooLarge(name: "n", bytes: 1, limit: 2), .notAFile(path: "p"), .noTarget(typed: "t"), .partsMissing(name: "n", held: 1, total: 2),
        .wholeMismatch(name: "n"), .removed(attachment: "a"), .badFetchMode("m"),
    ]

    static func key(_ name: String) -> String { "error.attachment." + name }

    /// A size in MiB with one decimal, as the messages print it.
    static func mebibytes(_ bytes: Int64) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10)"
    }
}
