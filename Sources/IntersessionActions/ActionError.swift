import IntersessionCore

/// Why an act was refused before anything was signed. Each case is a catalog key
/// (`error.action.<case>` in `Resources/i18n`) with its arguments; front ends render it in
/// their language.
public enum ActionError: Error, Sendable, Equatable, CustomStringConvertible, Explained {
    /// A ballot, objection, nomination or acceptance on a poll this replica knows is closed.
    case pollClosed(poll: String)
    case notNominated(poll: String)
    case notModerator
    case cannotRemoveSelf
    case quoteNotInPost(post: String)
    case textUnchanged
    case emptyText
    case textTooLong(bytes: Int, limit: Int)
    case badTitle(limit: Int)
    case badName(limit: Int)
    case badOrganisation(limit: Int)
    case notUTF8
    case noParagraph(Int)
    case spanNotInParagraph(Int, span: String)
    case noPenholders
    case notACandidate(String, standing: String)
    case ambiguousCandidate(String)
    case candidatesOutsideElection
    case seatOutsideElection
    case optionsInElection
    case titleRequired
    case badDays(option: String, minimum: Int, maximum: Int)
    case fileExists(path: String)
    case cannotRead(path: String)
    case cannotWrite(path: String)
    case unknownTemplate(String, choices: String)
    case nothingToReadmit(member: String)
    case notYourReadmission(invite: String)
    case ownFeedFrozen(from: Int64)
    /// A sealed group's new epoch needs the current one's key (its history seals it).
    case noCurrentKey

    public var phrase: Phrase {
        switch self {
        case .pollClosed(let poll): Phrase(Self.key("pollClosed"), [poll])
        case .notNominated(let poll): Phrase(Self.key("notNominated"), [poll])
        case .notModerator: Phrase(Self.key("notModerator"))
        case .cannotRemoveSelf: Phrase(Self.key("cannotRemoveSelf"))
        case .quoteNotInPost(let post): Phrase(Self.key("quoteNotInPost"), [post])
        case .textUnchanged: Phrase(Self.key("textUnchanged"))
        case .emptyText: Phrase(Self.key("emptyText"))
        case .textTooLong(let bytes, let limit): Phrase(Self.key("textTooLong"), [String(bytes), String(limit)])
        case .badTitle(let limit): Phrase(Self.key("badTitle"), [String(limit)])
        case .badName(let limit): Phrase(Self.key("badName"), [String(limit)])
        case .badOrganisation(let limit): Phrase(Self.key("badOrganisation"), [String(limit)])
        case .notUTF8: Phrase(Self.key("notUTF8"))
        case .noParagraph(let number): Phrase(Self.key("noParagraph"), [String(number)])
        case .spanNotInParagraph(let number, let span): Phrase(Self.key("spanNotInParagraph"), [String(number), span])
        case .noPenholders: Phrase(Self.key("noPenholders"))
        case .notACandidate(let typed, let standing): Phrase(Self.key("notACandidate"), [typed, standing])
        case .ambiguousCandidate(let typed): Phrase(Self.key("ambiguousCandidate"), [typed])
        case .candidatesOutsideElection: Phrase(Self.key("candidatesOutsideElection"))
        case .seatOutsideElection: Phrase(Self.key("seatOutsideElection"))
        case .optionsInElection: Phrase(Self.key("optionsInElection"))
        case .titleRequired: Phrase(Self.key("titleRequired"))
        case .badDays(let option, let minimum, let maximum): Phrase(Self.key("badDays"), [option, String(minimum), String(maximum)])
        case .fileExists(let path): Phrase(Self.key("fileExists"), [path])
        case .cannotRead(let path): Phrase(Self.key("cannotRead"), [path])
        case .cannotWrite(let path): Phrase(Self.key("cannotWrite"), [path])
        case .unknownTemplate(let name, let choices): Phrase(Self.key("unknownTemplate"), [name, choices])
        case .nothingToReadmit(let member): Phrase(Self.key("nothingToReadmit"), [member])
        case .notYourReadmission(let invite): Phrase(Self.key("notYourReadmission"), [invite])
        case .ownFeedFrozen(let seq): Phrase(Self.key("ownFeedFrozen"), [String(seq)])
        case .noCurrentKey: Phrase(Self.key("noCurrentKey"))
        }
    }

    public var description: String { phrase.description }

    static func key(_ name: String) -> String { "error.action." + name }
}

extension AmendmentSpan.Problem {
    var actionError: ActionError {
        switch self {
        case .noParagraph(let number): .noParagraph(number)
        case .spanNotInParagraph(let number, let span): .spanNotInParagraph(number, span: span)
        }
    }
}
