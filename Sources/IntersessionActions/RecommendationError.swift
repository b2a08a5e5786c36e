import IntersessionCore

/// Why an act on a recommendation was refused before anything was signed:
/// `error.recommendation.<case>` in `Resources/i18n`, with its arguments.
public enum RecommendationError: Error, Sendable, Equatable, CustomStringConvertible, Explained {
    case notCochairOrSecretariat
    /// Neither or both of a poll and an outcome were named.
    case oneDecision
    case pollNotClosed(poll: String)
    case pollNotCarried(poll: String)
    case outcomeAdoptsNothing(outcome: String, kind: String)

    public var phrase: Phrase {
        switch self {
        case .notCochairOrSecretariat: Phrase(Self.key("notCochairOrSecretariat"))
        case .oneDecision: Phrase(Self.key("oneDecision"))
        case .pollNotClosed(let poll): Phrase(Self.key("pollNotClosed"), [poll])
        case .pollNotCarried(let poll): Phrase(Self.key("pollNotCarried"), [poll])
        case .outcomeAdoptsNothing(let outcome, let kind): Phrase(Self.key("outcomeAdoptsNothing"), [outcome, kind])
        }
    }

    public var description: String { phrase.description }

    /// Every case once, for the catalog test.
    public static let examples: [RecommendationError] = [
        .notCochairOrSecretariat, .oneDecision, .pollNotClosed(poll: "p"), .pollNotCarried(poll: "p"),
        .outcomeAdoptsNothing(outcome: "o", kind: "k"),
    ]

    static func key(_ name: String) -> String { "error.recommendation." + name }
}
