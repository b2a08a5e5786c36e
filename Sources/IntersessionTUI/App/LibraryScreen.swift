import IntersessionCore
import IntersessionStore

/// The library screens: the practices (by state, filtered by state with `f`), a practice in
/// both languages with its sections, state and history, and its versions with what changed
/// from one to the next. One `Screen` case holds them.
public enum LibraryScreen: Sendable, Equatable {
    case list(LibraryListState)
    case practice(PracticeScreenState)
    case versions(PracticeVersionsState)
}

public struct LibraryListState: Sendable, Equatable {
    public var all: [PracticeSummary] = []
    public var list = ListState<PracticeSummary>()
    /// Only practices in this state, nil for all.
    public var state: PracticeState?

    public init() {}

    /// The practices the filter lets through, keeping the selection.
    mutating func show(_ practices: [PracticeSummary]) {
        all = practices
        list.replace(practices.filter { practice in state.map { $0.rawValue == practice.state } ?? true }, keeping: \.id)
    }

    /// The next filter: all, then each state some practice is in, then all again.
    mutating func nextFilter() {
        let present = PracticeState.allCases.filter { state in all.contains { $0.state == state.rawValue } }
        let index = state.flatMap { present.firstIndex(of: $0) }
        state = index.map { $0 + 1 < present.count ? present[$0 + 1] : nil } ?? present.first
        list.selected = 0
        list.offset = 0
        show(all)
    }
}

public struct PracticeScreenState: Sendable, Equatable {
    public var id: String
    public var detail: PracticeDetail?
    public var editions: [EditionSummary] = []
    public var scroll = 0
    /// Choosing the edition to publish in (an index into `editions`).
    public var choosingEdition: Int?
    /// The other practices, one of which may supersede this one.
    public var others: [PracticeSummary] = []
    /// Choosing the practice that supersedes this one (an index into `newerChoices`).
    public var choosingNewer: Int?
    /// Choosing the text a new version changes (an index into `PracticeTextField.all`).
    public var choosingText: Int?

    public init(id: String) { self.id = id }

    /// Whether a picker is open over the practice.
    var isChoosing: Bool { choosingEdition != nil || choosingNewer != nil || choosingText != nil }

    /// The practices that may supersede this one: any other, not withdrawn.
    var newerChoices: [PracticeSummary] { others.filter { $0.id != id && $0.state != PracticeState.withdrawn.rawValue } }
}

/// One text of a practice in one language, as a new version changes it: its title, its
/// summary or one of its sections.
public struct PracticeTextField: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        case title, summary
        case section(PracticeSection)
    }
    public var part: Part
    public var language: Language

    public static let all: [PracticeTextField] = ([Part.title, .summary] + PracticeSection.allCases.map(Part.section)).flatMap { part in
        [Language.en, .fr].map { PracticeTextField(part: part, language: $0) }
    }

    /// The text as the version says it, "" when it does not.
    func text(in version: PracticeVersionView?) -> String {
        guard let version else { return "" }
        let bilingual: BilingualText? = switch part {
        case .title: version.title
        case .summary: version.summary
        case .section(let section): version.sections.first { $0.section == section.rawValue }?.text
        }
        return (language == .en ? bilingual?.en : bilingual?.fr) ?? ""
    }
}

public struct PracticeVersionsState: Sendable, Equatable {
    public var id: String
    public var detail: PracticeDetail?
    public var list = ListState<PracticeVersionView>()
    public var scroll = 0

    public init(id: String) { self.id = id }
}

/// The work of the library screens (see `Effect`).
public enum LibraryEffect: Sendable, Equatable {
    case loadList
    case loadPractice(id: String)
    /// A workflow step without text; `edition` for a publication.
    case step(practice: String, kind: PracticeStepKind, edition: String?)
    /// Marks `practice` superseded by `newer`.
    case supersede(practice: String, newer: String)
}

/// What the library effects answer with (see `Message`).
public enum LibraryMessage: Sendable {
    case listLoaded([PracticeSummary])
    case practiceLoaded(PracticeDetail, editions: [EditionSummary])
}
