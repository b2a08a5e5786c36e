import Foundation
import IntersessionCore
import IntersessionStore

/// A report to the committees for a period, from the record alone, in numbered paragraphs:
/// the same record gives the same bytes on every replica (what falls inside is judged by
/// `ReportPeriod` on signed facts), in English or French (`report.period.*`), as Markdown
/// that pandoc turns into DOCX, ODT or PDF.
public struct PeriodReport {
    /// What the report reads of the record.
    public struct Record: Sendable {
        public var groupTitle: String
        public var meetings: [MeetingDetail]
        public var polls: [PollDetail]
        public var pollCloses: [String: Int64]
        public var drafts: [DraftSummary]
        public var versions: [(draft: String, name: String, at: Int64)]
        public var recommendations: [RecommendationView]
        public var topics: [TopicSummary]
        public var activity: [String: (posts: Int, authors: Int)]
        public var practices: [PracticeDetail] = []
        public var editions: [EditionSummary] = []
    }

    let record: Record
    let period: ReportPeriod
    let addressee: CommitteeBody?
    public let symbol: String
    let words: Phrasebook

    public init(_ record: Record, period: ReportPeriod, to addressee: CommitteeBody?, symbol: String, language: Language) {
        self.record = record
        self.period = period
        self.addressee = addressee
        self.symbol = symbol
        words = Phrasebook(language: language)
    }

    /// The report for `period` as the record in `store` holds it: what the command line writes
    /// and the interface previews, one renderer for both. `symbol` defaults to `defaultSymbol`.
    public static func make(from store: AppDatabase, period: ReportPeriod, to addressee: CommitteeBody?, symbol: String? = nil,
                            language: Language) throws -> PeriodReport {
        PeriodReport(try record(from: store, period: period, language: language), period: period, to: addressee,
                     symbol: symbol ?? defaultSymbol(period), language: language)
    }

    /// The group's report symbol for the year the period ends in.
    public static func defaultSymbol(_ period: ReportPeriod) -> String { "WGEC/\(period.to.prefix(4))/REP" }

    /// Reads what the report needs from `store`.
    public static func record(from store: AppDatabase, period: ReportPeriod, language: Language) throws -> Record {
        let closes = try store.pollCloseTimes()
        let range = period.millis
        return Record(
            groupTitle: LocalizedText(english: try store.groupSummary().titleEnglish, french: try store.groupSummary().titleFrench).text(in: language),
            meetings: try store.meetings().map { try store.meeting($0.id) },
            polls: try store.polls().filter { $0.closed }.map { try store.poll($0.id) },
            pollCloses: closes, drafts: try store.drafts(), versions: try store.namedVersions(),
            recommendations: try store.recommendations(), topics: try store.topics(),
            activity: try store.postsPerTopic(fromMillis: range.lowerBound, toMillis: range.upperBound),
            practices: try store.practices().map { try store.practice($0.id) }, editions: try store.editions())
    }

    func text(_ key: String, _ arguments: String...) -> String { words.text("report.period." + key, arguments) }

    func counted(_ key: String, _ value: Int) -> String { words.counted("report.period.count." + key, value) }

    public var title: String { text("title", record.groupTitle) }

    public var markdown: String {
        var lines = ["---", "title: \"\(MeetingReport.quoted(MeetingReport.inline(title)))\"", "subtitle: \"\(MeetingReport.quoted(symbol))\"",
                     "lang: \(words.language.rawValue)", "---", ""]
        var paragraphs = Paragraphs()
        for (heading, section) in sections {
            lines += ["## " + heading, ""] + paragraphs.number(section)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as a draft's text: the headings, and the paragraphs the draft numbers itself.
    public var draftText: String {
        sections.flatMap { heading, section in ["## " + heading] + section }.joined(separator: "\n\n") + "\n"
    }

    private var sections: [(String, [String])] {
        let sections: [(String, [String])] = [
            ("mandate", mandate()), ("meetings", meetings()), ("documents", documents()), ("decisions", decisions()),
            ("outcomes", outcomes()), ("recommendations", recommendations()), ("practices", practices()), ("pending", pending()),
            ("activity", activity()),
        ]
        return sections.enumerated().map { index, section in
            ("\(Self.roman(index + 1)). " + text("section." + section.0), section.1.isEmpty ? [text("none")] : section.1)
        }
    }

    private var meetingsInside: [MeetingDetail] {
        record.meetings.filter { period.contains(day: $0.summary.starts) }
            .sorted { ($0.summary.starts, $0.summary.number, $0.summary.id) < ($1.summary.starts, $1.summary.number, $1.summary.id) }
    }

    private func mandate() -> [String] {
        var paragraphs = [text("period", period.from, period.to), text("mandate")]
        if let addressee { paragraphs.append(text("addressed", text("body." + addressee.rawValue))) }
        return paragraphs
    }

    private func meetings() -> [String] {
        meetingsInside.map { meeting in
            let summary = meeting.summary
            let counts = meeting.delegationsByCategory.map { text("category." + PeriodReport.line(of: $0.category), String($0.count)) }
            let delegations = meeting.delegationCategories.count
            return text("meeting", MeetingReport.inline(summary.title), MeetingReport.inline(summary.body + " " + summary.number),
                        words.text("report.meeting.mode." + summary.mode, []), summary.starts, summary.ends,
                        counted("participants", meeting.participants.count), counted("delegations", delegations))
                + (counts.isEmpty ? "" : " " + text("categories", counts.joined(separator: words.listSeparator)))
        }
    }

    /// The catalog line (`report.period.category.*`) counting delegations of a category (nil:
    /// the secretariat's own staff).
    static func line(of category: DelegationKind?) -> String {
        switch category {
        case .member: "members"
        case .partner: "partners"
        case .privateSector: "privateSector"
        case .observer: "observers"
        case .academia: "academia"
        case .expert: "experts"
        case nil: "secretariat"
        }
    }

    private func documents() -> [String] {
        let named = record.versions.filter { period.contains(millis: $0.at) }
        return record.drafts.filter { draft in named.contains { $0.draft == draft.id } }.sorted { ($0.symbol, $0.id) < ($1.symbol, $1.id) }
            .map { draft in
                let versions = named.filter { $0.draft == draft.id }.map { "\(MeetingReport.inline($0.name)) (\(CalendarDay.utc($0.at)))" }
                let languages = ([draft.language] + record.drafts.filter { $0.translationOf == draft.id }.map(\.language))
                return text("document", MeetingReport.inline(draft.symbol), MeetingReport.inline(draft.title),
                            languages.map { $0.uppercased() }.joined(separator: "/"), words.text("report.period.status." + draft.status, []),
                            versions.joined(separator: ", "))
            }
    }

    private var pollsInside: [PollDetail] {
        record.polls.filter { poll in record.pollCloses[poll.summary.id].map(period.contains(millis:)) ?? false }
            .sorted { (record.pollCloses[$0.summary.id] ?? 0, $0.summary.id) < (record.pollCloses[$1.summary.id] ?? 0, $1.summary.id) }
    }

    private func decisions() -> [String] {
        pollsInside.map { poll in
            let day = CalendarDay.utc(record.pollCloses[poll.summary.id] ?? 0)
            let result: String = switch (poll.result?.adopted, poll.result?.brokenBy) {
            case (_, .some): text("result.broken")
            case (true, _): text("result.adopted")
            case (false, _): text("result.notAdopted")
            default: text("result.counted")
            }
            return text("decision", MeetingReport.inline(poll.summary.title), words.text("report.period.kind." + poll.summary.kind, []), day, result)
                + (poll.outcome.map { " " + text("statement", MeetingReport.inline($0)) } ?? "")
        }
    }

    private func outcomes() -> [String] {
        meetingsInside.flatMap { meeting in
            meeting.agenda.compactMap { item -> String? in
                guard let outcome = item.standingOutcome else { return nil }
                return text("outcome", MeetingReport.inline(meeting.summary.body + " " + meeting.summary.number), MeetingReport.inline(item.number),
                            MeetingReport.inline(item.title), words.text("report.meeting.outcome." + outcome.kind, []), MeetingReport.inline(outcome.summary))
            }
        }
    }

    private func recommendations() -> [String] {
        // Those recorded in the period, and earlier ones followed up in it.
        let inside = record.recommendations.filter { recommendation in
            recommendation.carried && (period.contains(millis: recommendation.recordedAt)
                || recommendation.followUps.contains { period.contains(millis: $0.recordedAt) })
        }
        return CommitteeBody.allCases.filter { addressee == nil || addressee == $0 }.flatMap { body in
            inside.filter { $0.body == body.rawValue }.map { recommendation in
                let followUps = recommendation.followUps.filter { period.contains(millis: $0.recordedAt) }
                    .map { text("followUp", CalendarDay.utc($0.recordedAt), MeetingReport.inline($0.text)) }
                return text("recommendation", text("body." + body.rawValue), text("level." + recommendation.level),
                            MeetingReport.inline(recommendation.text), MeetingReport.inline(recommendation.decisionTitle))
                    + followUps.map { " " + $0 }.joined()
            }
        }
    }

    private func pending() -> [String] {
        meetingsInside.flatMap { meeting in
            meeting.agenda.filter { $0.standingOutcome == nil || $0.deferred }.map { item in
                let standing = item.standingOutcome.map { words.text("report.meeting.outcome." + $0.kind, []) }
                    ?? (item.standing == "held" ? text("held", counted("concerns", item.openConcerns)) : text("open"))
                return text("pendingItem", MeetingReport.inline(meeting.summary.body + " " + meeting.summary.number),
                            MeetingReport.inline(item.number), MeetingReport.inline(item.title), standing)
            }
        }
    }

    private func activity() -> [String] {
        record.topics.sorted { ($0.order, $0.id) < ($1.order, $1.id) }.compactMap { topic in
            guard let counts = record.activity[topic.id], counts.posts > 0 else { return nil }
            return text("topic", MeetingReport.inline(topic.title(in: words.language)), counted("contributions", counts.posts), counted("members", counts.authors))
        }
    }

    static func roman(_ number: Int) -> String {
        ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][min(number, 10)]
    }
}

/// Numbers a report's paragraphs on from one section to the next.
struct Paragraphs {
    var next = 1

    mutating func number(_ paragraphs: [String]) -> [String] {
        paragraphs.flatMap { paragraph -> [String] in
            defer { next += 1 }
            return ["\(next). " + paragraph, ""]
        }
    }
}
