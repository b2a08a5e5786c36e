import IntersessionCore

/// Why an act on a meeting was refused before anything was signed: `error.meeting.<case>` in
/// `Resources/i18n`, with its arguments.
public enum MeetingError: Error, Sendable, Equatable, CustomStringConvertible, Explained {
    /// Only the secretariat and the co-chairs presiding run a meeting.
    case notPresiding(meeting: String)
    case badDate(String)
    case datesOutOfOrder(starts: String, ends: String)
    case noTopic
    case phaseNotOpen(phase: String)
    case phaseClosed(phase: String)
    case itemCommentsClosed(item: String)
    /// An outcome asked for while concerns on time wait for an answer.
    case concernsPending(item: String, count: Int)
    case alreadyAnswered(concern: String)
    case parentInOtherMeeting(item: String)
    case unknownVersion(draft: String, version: String, known: String)
    case observerCannotRaise
    case nothingToChange
    /// A delegation's category is the secretariat's to set.
    case secretariatOnly
    case alreadyCategorised(delegation: String, category: String)

    public var phrase: Phrase {
        switch self {
        case .notPresiding(let meeting): Phrase(Self.key("notPresiding"), [meeting])
        case .badDate(let text): Phrase(Self.key("badDate"), [text])
        case .datesOutOfOrder(let starts, let ends): Phrase(Self.key("datesOutOfOrder"), [starts, ends])
        case .noTopic: Phrase(Self.key("noTopic"))
        case .phaseNotOpen(let phase): Phrase(Self.key("phaseNotOpen"), [phase])
        case .phaseClosed(let phase): Phrase(Self.key("phaseClosed"), [phase])
        case .itemCommentsClosed(let item): Phrase(Self.key("itemCommentsClosed"), [item])
        case .concernsPending(let item, let count): Phrase(Self.key("concernsPending"), [item, String(count)])
        case .alreadyAnswered(let concern): Phrase(Self.key("alreadyAnswered"), [concern])
        case .parentInOtherMeeting(let item): Phrase(Self.key("parentInOtherMeeting"), [item])
        case .unknownVersion(let draft, let version, let known): Phrase(Self.key("unknownVersion"), [draft, version, known])
        case .observerCannotRaise: Phrase(Self.key("observerCannotRaise"))
        case .nothingToChange: Phrase(Self.key("nothingToChange"))
        case .secretariatOnly: Phrase(Self.key("secretariatOnly"))
        case .alreadyCategorised(let delegation, let category): Phrase(Self.key("alreadyCategorised"), [delegation, category])
        }
    }

    public var description: String { phrase.description }

    /// Every case once, for the catalog test.
    public static let examples: [MeetingError] = [
        .notPresiding(meeting: "m"), .badDate("d"), .datesOutOfOrder(starts: "a", ends: "b"), .noTopic, .phaseNotOpen(phase: "p"),
        .phaseClosed(phase: "p"), .itemCommentsClosed(item: "i"), .concernsPending(item: "i", count: 1), .alreadyAnswered(concern: "c"),
        .parentInOtherMeeting(item: "i"), .unknownVersion(draft: "d", version: "v", known: "k"), .observerCannotRaise, .nothingToChange,
        .secretariatOnly, .alreadyCategorised(delegation: "d", category: "c"),
    ]

    static func key(_ name: String) -> String { "error.meeting." + name }
}
