import Foundation
import IntersessionCore

/// The checks of what a person typed, made by the acts before they sign (the same limits the
/// rules apply, `ContentCheck`), so that the command line and the interface refuse alike.
public enum Input {
    public static func body(_ text: String) throws -> String {
        guard text.utf8.count <= Limits.postBodyBytes else {
            throw ActionError.textTooLong(bytes: text.utf8.count, limit: Limits.postBodyBytes)
        }
        guard ContentCheck.isBody(text) else { throw ActionError.emptyText }
        return text
    }

    /// A one-line title, trimmed.
    public static func title(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard ContentCheck.isTitle(trimmed) else { throw ActionError.badTitle(limit: Limits.titleCharacters) }
        return trimmed
    }

    public static func name(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard ContentCheck.isName(trimmed) else { throw ActionError.badName(limit: Limits.nameCharacters) }
        return trimmed
    }

    public static func organisation(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard ContentCheck.isName(trimmed) else { throw ActionError.badOrganisation(limit: Limits.nameCharacters) }
        return trimmed
    }

    /// Bytes read from a file or standard input, as text of at most `limit` bytes.
    public static func text(_ bytes: [UInt8], limit: Int) throws -> String {
        guard bytes.count <= limit else { throw ActionError.textTooLong(bytes: bytes.count, limit: limit) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw ActionError.notUTF8 }
        return text
    }

    /// A number of days given for `option`, inside `range`.
    public static func days(_ days: Int, option: String, in range: ClosedRange<Int>) throws -> Int {
        guard range.contains(days) else { throw ActionError.badDays(option: option, minimum: range.lowerBound, maximum: range.upperBound) }
        return days
    }
}
