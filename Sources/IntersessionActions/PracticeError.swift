import IntersessionCore

/// Why an act on the library was refused before anything was signed: `error.practice.<case>`
/// in `Resources/i18n`, with its arguments.
public enum PracticeError: Error, Sendable, Equatable, CustomStringConvertible, Explained {
    /// Only a practice's submitter updates, submits or withdraws it.
    case notSubmitter(practice: String)
    /// The step needs a role the profile does not hold (`who`: secretariat, cochair, officer).
    case needsRole(step: String, who: String)
    /// The step does not follow from where the practice stands here.
    case notAllowed(step: String, state: String)
    /// The original language needs a title and a summary.
    case originalMissing(language: String)
    case badTopics(count: Int, limit: Int)
    case observerCannotSubmit
    case nothingToChange
    case supersededBySelf
    /// An edition holds only a published version of a practice.
    case versionNotPublished(practice: String, version: String)
    case unknownVersion(practice: String, version: Int, count: Int)

    public var phrase: Phrase {
        switch self {
        case .notSubmitter(let practice): Phrase(Self.key("notSubmitter"), [practice])
        case .needsRole(let step, let who): Phrase(Self.key("needsRole." + who), [step])
        case .notAllowed(let step, let state): Phrase(Self.key("notAllowed"), [step, state])
        case .originalMissing(let language): Phrase(Self.key("originalMissing"), [language])
        case .badTopics(let count, let limit): Phrase(Self.key("badTopics"), [String(count), String(limit)])
        case .observerCannotSubmit: Phrase(Self.key("observerCannotSubmit"))
        case .nothingToChange: Phrase(Self.key("nothingToChange"))
        case .supersededBySelf: Phrase(Self.key("supersededBySelf"))
        case .versionNotPublished(let practice, let version): Phrase(Self.key("versionNotPublished"), [practice, version])
        case .unknownVersion(let practice, let version, let count): Phrase(Self.key("unknownVersion"), [practice, String(version), String(count)])
        }
    }

    public var description: String { phrase.description }

    /// Every case once (each role of `needsRole`), for the catalog test.
    public static let examples: [PracticeError] = [
        .notSubmitter(practice: "p"), .needsRole(step: "s", who: "secretariat"), .needsRole(step: "s", who: "cochair"),
        .needsRole(step: "s", who: "officer"), .notAllowed(step: "s", state: "t"), .originalMissing(language: "en"),
        .badTopics(count: 0, limit: 7), .observerCannotSubmit, .nothingToChange, .supersededBySelf,
        .versionNotPublished(practice: "p", version: "v"), .unknownVersion(practice: "p", version: 2, count: 1),
    ]

    static func key(_ name: String) -> String { "error.practice." + name }
}
