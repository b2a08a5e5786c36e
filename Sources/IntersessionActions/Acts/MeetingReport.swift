import Foundation
import IntersessionCore
import IntersessionStore

/// The summary report of a meeting, generated from the record alone: the same record gives the
/// same bytes on every replica (no local clock, no local names, ids and dates as signed), in
/// English or French (`report.meeting.*` in the catalogs), as Markdown that pandoc turns into
/// DOCX, ODT or PDF.
public struct MeetingReport {
    let detail: MeetingDetail
    let words: Phrasebook

    public init(_ detail: MeetingDetail, language: Language) {
        self.detail = detail
        words = Phrasebook(language: language)
    }

    func text(_ key: String, _ arguments: String...) -> String { words.text("report.meeting." + key, arguments) }

    public var markdown: String {
        let summary = detail.summary
        var lines = ["---", "title: \"\(Self.quoted(text("title", summary.title)))\"",
                     "subtitle: \"\(Self.quoted(text("subtitle", summary.body, summary.number)))\"",
                     "lang: \(words.language.rawValue)", "---", ""]
        lines += [text("mode", text("mode." + summary.mode)) + " " + text("dates", summary.starts, summary.ends), ""]
        let presiding = detail.presiding.isEmpty ? text("allCochairs") : detail.presiding.map(Self.person).joined(separator: ", ")
        lines += [text("presiding", presiding), ""]
        lines += participation() + phases() + agenda() + items() + decisions() + deferred()
        return lines.joined(separator: "\n") + "\n"
    }

    private func participation() -> [String] {
        let delegations = Set(detail.participants.map(\.delegation))
        var lines = ["## " + text("participation"), "", text("participants", String(detail.participants.count), String(delegations.count)), ""]
        guard !detail.participants.isEmpty else { return lines }
        lines += ["| \(text("delegation")) | \(text("participant")) | \(text("capacity")) |", "|---|---|---|"]
        for participant in detail.participants {
            lines.append("| \(Self.cell(participant.delegation)) | \(Self.cell(participant.person.name)) | \(text("capacity." + participant.capacity)) |")
        }
        return lines + [""]
    }

    private func phases() -> [String] {
        var lines = ["## " + text("phases"), ""]
        for phase in detail.phases {
            let state: String
            if phase.closed {
                state = text("phase.closed")
            } else if phase.opened {
                state = text("phase.open", phase.deadline.map(Self.day) ?? "-")
            } else {
                state = text("phase.notOpened")
            }
            lines.append("- " + text("line", text("phase." + phase.phase), state))
        }
        return lines + [""]
    }

    private func agenda() -> [String] {
        var lines = ["## " + text("agenda"), ""]
        for item in detail.agenda {
            let indent = item.parent == nil ? "" : "    "
            lines.append(indent + "- **\(Self.inline(item.number))** \(Self.inline(item.title)) (\(text("purpose." + item.purpose)), \(text("category." + item.category)))")
        }
        return lines + [""]
    }

    private func items() -> [String] {
        var lines: [String] = []
        for item in detail.agenda {
            lines += ["## \(Self.inline(item.number)) \(Self.inline(item.title))", ""]
            if !item.documents.isEmpty {
                let documents = item.documents.map { document in
                    "\(Self.inline(document.symbol)) “\(Self.inline(document.title))”" + (document.version.map { " (\(text("version", Self.inline($0))))" } ?? "")
                }
                lines += [text("documents", documents.joined(separator: words.listSeparator)), ""]
            }
            let administrations = Set(item.comments.map { $0.author.organisation.isEmpty ? $0.author.feed : $0.author.organisation })
            lines += [text("contributions", String(item.comments.count), String(administrations.count), String(item.lateComments)), ""]
            if !item.concerns.isEmpty {
                let answered = item.concerns.filter { !$0.answers.isEmpty }.count
                lines += [text("concerns", String(item.concerns.count), String(answered), String(item.concerns.filter(\.late).count)), ""]
            }
            lines += [outcomeLine(item), ""]
        }
        return lines
    }

    private func outcomeLine(_ item: AgendaItemView) -> String {
        if item.openConcerns > 0 { return text("held", String(item.openConcerns)) }
        guard let outcome = item.standingOutcome else { return text("noOutcome") }
        let poll = outcome.poll.map { " " + text("throughPoll", String($0.prefix(8))) } ?? ""
        return text("outcome", text("outcome." + outcome.kind)) + poll + " " + Self.inline(outcome.summary)
    }

    private func decisions() -> [String] {
        let settled = detail.agenda.filter { !$0.deferred && $0.standingOutcome != nil }
        var lines = ["## " + text("decisions"), ""]
        if settled.isEmpty { lines.append(text("none")) }
        for item in settled {
            guard let outcome = item.standingOutcome else { continue }
            lines.append("- " + text("line", "**\(Self.inline(item.number))** \(Self.inline(item.title))", text("outcome." + outcome.kind)))
        }
        return lines + [""]
    }

    private func deferred() -> [String] {
        let deferred = detail.agenda.filter(\.deferred)
        var lines = ["## " + text("deferred"), ""]
        if deferred.isEmpty { lines.append(text("none")) }
        for item in deferred {
            let why = item.openConcerns > 0 ? text("held", String(item.openConcerns))
                : item.standingOutcome.map { text("outcome." + $0.kind) } ?? text("noOutcome")
            lines.append("- " + text("line", "**\(Self.inline(item.number))** \(Self.inline(item.title))", why))
        }
        return lines
    }

    static func person(_ person: MeetingPerson) -> String {
        inline(person.name) + (person.organisation.isEmpty ? "" : " (\(inline(person.organisation)))")
    }

    /// A calendar day in UTC, from milliseconds since 1970 (no local time zone enters).
    static func day(_ millis: Int64) -> String { CalendarDay.utc(millis) }

    /// Text of the record on one Markdown line: line breaks become spaces, markup characters
    /// are escaped, control characters never pass.
    static func inline(_ text: String) -> String {
        // Made terminal-safe first: that doubles a backslash, which Markdown shows as one.
        var out = ""
        for character in text.split(whereSeparator: \.isNewline).joined(separator: " ").terminalSafe {
            if "`*_[]<>#|$".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    static func cell(_ text: String) -> String { inline(text) }

    static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .split(whereSeparator: \.isNewline).joined(separator: " ").terminalSafe
    }
}
