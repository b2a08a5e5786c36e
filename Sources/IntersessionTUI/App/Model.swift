import IntersessionCore
import IntersessionStore

/// The whole state of the interface. Only `update` changes it.
public struct Model: Sendable, Equatable {
    public var catalog: Catalog
    public var formats: Formats
    public var plain: Bool
    public var width: Int
    public var height: Int
    public var now: Int64
    /// This profile's feed id, to know which posts are one's own.
    public var me: String?
    /// The group's title as given at start-up; `groupTitles`, once known, wins (`shownGroupTitle`).
    public var groupTitle: String
    /// The group's title in both languages, shown in the screen's.
    public var groupTitles: LocalizedText?
    public var screens: [Screen]
    public var showHelp = false
    /// Rows of the help overlay scrolled past.
    public var helpScroll = 0
    /// An irreversible act waiting for `y`.
    public var confirmation: Confirmation?
    public var status = SyncStatus()
    public var syncing = false
    /// A one-time message in the status bar (an error, a confirmation), cleared by the next key.
    public var flash: String?
    /// The attachments of the posts, drafts and items shown, by the id of what they are on.
    public var attachments: [String: [AttachmentEntry]] = [:]
    public var quitting = false
    /// Off with NO_COLOR or a monochrome terminal: attributes only.
    public var colors = true
    /// The roles this profile holds now, for the keys only moderators see.
    public var roles: Set<String> = []

    public var moderates: Bool { roles.contains("cochair") || roles.contains("secretariat") }
    public var isSecretariat: Bool { roles.contains("secretariat") }

    /// The topics as last loaded (the first screen of the stack), for moving a thread.
    var topics: [TopicSummary] {
        for screen in screens { if case .topics(let list) = screen { return list.items } }
        return []
    }
    /// A secretariat action open over the members screen.
    public var memberAction: MemberAction?

    public init(language: Language, plain: Bool, width: Int, height: Int, now: Int64, me: String?, groupTitle: String,
                start: Screen) {
        catalog = Catalog(language: language)
        formats = Formats(language: language)
        self.plain = plain
        self.width = width
        self.height = height
        self.now = now
        self.me = me
        self.groupTitle = groupTitle
        screens = [start]
    }

    public var screen: Screen {
        get { screens[screens.count - 1] }
        set { screens[screens.count - 1] = newValue }
    }

    public var language: Language { catalog.language }

    /// Rows for the main content: all but the header and the status bar.
    var contentRows: Int { max(1, height - 2) }

    public static func == (lhs: Model, rhs: Model) -> Bool {
        lhs.language == rhs.language && lhs.plain == rhs.plain && lhs.width == rhs.width && lhs.height == rhs.height
            && lhs.now == rhs.now && lhs.me == rhs.me && lhs.screens == rhs.screens && lhs.showHelp == rhs.showHelp && lhs.helpScroll == rhs.helpScroll && lhs.confirmation == rhs.confirmation
            && lhs.status == rhs.status && lhs.syncing == rhs.syncing && lhs.flash == rhs.flash && lhs.quitting == rhs.quitting && lhs.colors == rhs.colors && lhs.roles == rhs.roles && lhs.memberAction == rhs.memberAction
    }
}
