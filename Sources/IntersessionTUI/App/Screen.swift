import IntersessionCore
import IntersessionStore

/// What the person is looking at. Screens stack: `q` or Esc goes back to the one below.
public enum Screen: Sendable, Equatable {
    case welcome(WelcomeState)
    case topics(ListState<TopicSummary>)
    case threads(topic: TopicSummary, list: ListState<ThreadSummary>)
    case thread(ThreadState)
    case compose(ComposeState)
    case search(SearchState)
    case members(ListState<MemberSummary>)
    case audit(ListState<AuditEntry>)
    case polls(ListState<PollSummary>)
    case poll(PollState)
    case drafts(ListState<DraftSummary>)
    case draft(DraftState)
    case draftDiff(DraftDiffState)
    case amendments(AmendmentsState)
    case meetings(MeetingScreen)
    case library(LibraryScreen)
    case attachments(AttachmentsState)
    case report(ReportScreenState)
}

/// A list with a selection and a scroll offset that keeps the selection visible.
public struct ListState<Item: Sendable & Equatable>: Sendable, Equatable {
    public var items: [Item] = []
    public var selected = 0
    public var offset = 0
    public var loaded = false

    public init(items: [Item] = [], selected: Int = 0) {
        self.items = items
        self.selected = selected
        loaded = !items.isEmpty
    }

    public var current: Item? { items.indices.contains(selected) ? items[selected] : nil }

    mutating func move(by delta: Int) {
        guard !items.isEmpty else { return }
        selected = min(max(0, selected + delta), items.count - 1)
    }

    mutating func replace(_ new: [Item], keeping id: (Item) -> String) {
        let previous = current.map(id)
        items = new
        loaded = true
        selected = previous.flatMap { previous in new.firstIndex { id($0) == previous } } ?? min(selected, max(0, new.count - 1))
    }

    /// Scrolls so that the selection is within `rows` visible rows.
    mutating func reveal(rows: Int) {
        guard rows > 0 else { return }
        if selected < offset { offset = selected }
        if selected >= offset + rows { offset = selected - rows + 1 }
        offset = max(0, min(offset, max(0, items.count - rows)))
    }
}

public struct ThreadState: Sendable, Equatable {
    public enum Focus: Sendable, Equatable { case tree, reader }
    public var id: String
    public var detail: ThreadDetail?
    public var list = ListState<PostView>()
    public var focus = Focus.tree
    public var readerScroll = 0
    /// A post to select once the thread is loaded (from search or next-unread).
    public var focusPost: String?
    /// `x` was pressed once on this post; a second `x` retracts it.
    public var confirmRetract: String?
    /// The moderation menu, open over the thread (co-chairs and the secretariat).
    public var moderation: ModerationMenu?
    /// Posts whose replies are folded away (`z`).
    public var collapsed: Set<String> = []

    public init(id: String, focusPost: String? = nil) {
        self.id = id
        self.focusPost = focusPost
    }
}

public struct ComposeState: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case thread(topic: TopicSummary)
        case reply(to: PostView, quote: String?)
        case edit(PostView)
        /// The whole text of a draft (penholders), as it was when the editing began.
        case draft(id: String, start: DraftStart)
        /// A comment on a draft's paragraph: a thread anchored to it.
        case comment(draft: String, paragraph: Int)
        /// An amendment to a paragraph: the title field holds the rationale, the text the new wording.
        case amend(draft: String, paragraph: Int, original: String)
        /// A comment on a meeting's agenda item: a reply to its thread's opening post.
        case itemComment(item: String, number: String)
        /// A new version of a practice (its submitter): one text in one language, as it stands.
        case practiceText(practice: String, field: PracticeTextField, text: String)
    }
    public enum Field: Sendable, Equatable { case title, body }

    public var kind: Kind
    public var title = TextEditor(singleLine: true)
    public var body = TextEditor()
    public var field: Field
    public var confirmDiscard = false
    public var error: TextKey?

    public init(kind: Kind) {
        self.kind = kind
        switch kind {
        case .edit(let post): body = TextEditor(post.body)
        case .draft(_, let start): body = TextEditor(start.text)
        case .amend(_, _, let original): body = TextEditor(original)
        case .practiceText(_, _, let text): body = TextEditor(text)
        default: break
        }
        field = { if case .thread = kind { return .title } else { return .body } }()
    }

    /// A new thread's title, or an amendment's rationale, above the text.
    var hasTitleField: Bool {
        switch kind {
        case .thread, .amend: true
        default: false
        }
    }
}

public struct SearchState: Sendable, Equatable {
    public var query = TextEditor(singleLine: true)
    public var editing = true
    public var results = ListState<SearchHit>()
    public var searched: String?

    public init() {}
}

public struct WelcomeState: Sendable, Equatable {
    public enum Choice: Int, CaseIterable, Sendable { case create, join, demo, quit }
    public enum Step: Sendable, Equatable { case choose, create, join }
    public var selected = 0
    public var step = Step.choose
    public var name = TextEditor(singleLine: true)
    public var organisation = TextEditor(singleLine: true)
    public var invite = TextEditor(singleLine: true)
    public var field = 0

    public init() {}
}

/// The moderation menu of a thread: the actions, then the reason when hiding a post.
public struct ModerationMenu: Sendable, Equatable {
    public enum Prompt: Sendable, Equatable { case reason, title }
    /// A line being typed: the reason for hiding, or the thread's new title.
    public var reason: TextEditor?
    public var prompt = Prompt.reason
    /// Choosing the topic to move the thread to: an index into the topics.
    public var topicChoice: Int?

    public init(reason: TextEditor? = nil, prompt: Prompt = .reason) {
        self.reason = reason
        self.prompt = prompt
    }
}

/// What the secretariat is doing on the members screen: granting or revoking a role, removing
/// someone, or writing an invite.
public struct MemberAction: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case grant, revoke, remove, invite }
    public var kind: Kind
    public var member: MemberSummary?
    public var role = 2
    public var name = TextEditor(singleLine: true)
    public var organisation = TextEditor(singleLine: true)
    public var file = TextEditor("intersession.invite", singleLine: true)
    /// For an invite: name, organisation, role, file.
    public var field = 0

    public init(kind: Kind, member: MemberSummary?) {
        self.kind = kind
        self.member = member
    }

    public var chosenRole: Role { Role.allCases[min(max(0, role), Role.allCases.count - 1)] }
}

/// A poll, and the vote being given.
public struct PollState: Sendable, Equatable {
    public var id: String
    public var detail: PollDetail?
    /// The vote dialog: a position (for a proposal), then for the others the options typed
    /// in order, and a reason when one is needed.
    public var voting: VoteDialog?
    /// An election: the row chosen among those who could be nominated.
    public var nominating: Int?
    /// Rows of the poll's text scrolled past, when it does not fit.
    public var scroll = 0

    public init(id: String) { self.id = id }
}

public struct VoteDialog: Sendable, Equatable {
    public var position = 0
    public var text = TextEditor(singleLine: true)
    /// Typing the reason (a block, an objection) rather than choosing.
    public var typingReason = false
    public var reason = TextEditor(singleLine: true)

    public init() {}
}

/// A draft: its paragraphs, one selected for comments and amendments.
public struct DraftState: Sendable, Equatable {
    public enum Prompt: Sendable, Equatable {
        /// Naming the draft as it stands (e.g. Rev.2).
        case version(TextEditor)
        /// Choosing the draft's stage, by index of `DraftStatus.allCases`.
        case status(Int)
    }
    public var id: String
    public var detail: DraftDetail?
    public var list = ListState<DraftParagraph>()
    public var prompt: Prompt?

    public init(id: String) { self.id = id }
}

/// What changed since the latest version (or since the start), by paragraph and word.
public struct DraftDiffState: Sendable, Equatable {
    public var id: String
    public var since: String?
    public var changes: [DraftDiff.Change] = []
    public var loaded = false
    public var scroll = 0

    public init(id: String) { self.id = id }
}

/// A draft's compiled amendments, and the reason being typed for a rejection.
public struct AmendmentsState: Sendable, Equatable {
    public var draft: String
    public var list = ListState<AmendmentView>()
    public var rejecting: TextEditor?

    public init(draft: String) { self.draft = draft }
}
