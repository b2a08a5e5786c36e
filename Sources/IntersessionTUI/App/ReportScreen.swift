import IntersessionCore
import IntersessionStore

/// The report to the committees: the period, the body and the language chosen, the preview
/// the Actions layer renders for them (the same `PeriodReport` the command line writes), and
/// the report drafts it can become the next text of.
public struct ReportScreenState: Sendable, Equatable {
    public enum Prompt: Sendable, Equatable {
        /// Typing the first or the last day of the period.
        case from(TextEditor), to(TextEditor)
        /// Choosing the report draft to give the report's text (an index into `drafts`).
        case draft(Int)
    }

    public var request: ReportRequest
    /// The report as last rendered, for `request`; nil while it is being made.
    public var preview: ReportPreview?
    /// The drafts that already carry the report's symbol.
    public var drafts: [DraftSummary] = []
    public var scroll = 0
    public var prompt: Prompt?

    public init(request: ReportRequest) { self.request = request }

    /// The bodies a report goes to, in the order `b` steps through them; nil is all of them.
    static let bodies: [CommitteeBody?] = [nil, .ptc, .ec, .pc]

    mutating func nextBody() {
        let index = Self.bodies.firstIndex(of: request.body) ?? 0
        request.body = Self.bodies[(index + 1) % Self.bodies.count]
    }

    mutating func nextLanguage() {
        request.language = request.language == .en ? .fr : .en
    }
}

/// What a report is made of: the period's two days, the body it goes to, its language.
public struct ReportRequest: Sendable, Equatable {
    public var from: String
    public var to: String
    public var body: CommitteeBody?
    public var language: Language

    public init(from: String, to: String, body: CommitteeBody? = nil, language: Language) {
        self.from = from
        self.to = to
        self.body = body
        self.language = language
    }

    /// The last six months to the day of `now` (UTC), in `language`: what the screen opens on.
    public static func lastSixMonths(now: Int64, language: Language) -> ReportRequest {
        let to = CalendarDay.utc(now)
        let parts = to.split(separator: "-").compactMap { Int($0) }
        let months = parts[0] * 12 + (parts[1] - 1) - 6
        let day = min(parts[2], 28)
        func padded(_ value: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        let from = padded(months / 12, 4) + "-" + padded(months % 12 + 1, 2) + "-" + padded(day, 2)
        return ReportRequest(from: from, to: to, language: language)
    }

    public var period: ReportPeriod? { ReportPeriod(from: from, to: to) }
}

/// The report as rendered for a request: its title, symbol and Markdown.
public struct ReportPreview: Sendable, Equatable {
    public var title: String
    public var symbol: String
    public var markdown: String

    public init(title: String, symbol: String, markdown: String) {
        self.title = title
        self.symbol = symbol
        self.markdown = markdown
    }
}

/// The work of the report screen (see `Effect`).
public enum ReportEffect: Sendable, Equatable {
    case preview(ReportRequest)
    /// Generates the report into a new draft, or as the next text of the report draft `draft`.
    case intoDraft(ReportRequest, draft: String?)
}

/// What the report effects answer with (see `Message`).
public enum ReportMessage: Sendable {
    case previewed(ReportRequest, ReportPreview, drafts: [DraftSummary])
    /// The draft the report went into, to open.
    case drafted(id: String)
}
