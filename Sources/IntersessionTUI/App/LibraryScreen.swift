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

    public init(id: String) { self.id = id }
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
}

/// What the library effects answer with (see `Message`).
public enum LibraryMessage: Sendable {
    case listLoaded([PracticeSummary])
    case practiceLoaded(PracticeDetail, editions: [EditionSummary])
}
