import Foundation
import IntersessionCore
import IntersessionStore

/// An edition as one document, generated from the record alone: the same record gives the
/// same bytes on every replica (no local clock, dates as signed, in UTC), in English or French
/// (`report.edition.*` in the catalogs), as Markdown that pandoc turns into DOCX, ODT or PDF.
/// Each practice shows the version the edition holds, in the language asked for; a text given
/// only in the other language is shown in it, and said so.
public struct EditionDocument {
    let detail: EditionDetail
    let words: Phrasebook

    public init(_ detail: EditionDetail, language: Language) {
        self.detail = detail
        words = Phrasebook(language: language)
    }

    var language: Language { words.language }

    func text(_ key: String, _ arguments: String...) -> String { words.text("report.edition." + key, arguments) }

    public var markdown: String {
        let title = detail.summary.title.text(in: language)
        var lines = ["---", "title: \"\(MeetingReport.quoted(title))\"",
                     "subtitle: \"\(MeetingReport.quoted(text("subtitle", String(detail.entries.count))))\"",
                     "lang: \(language.rawValue)", "---", ""]
        let entries = detail.entries.sorted {
            ($0.version.title.text(in: language), $0.practice) < ($1.version.title.text(in: language), $1.practice)
        }
        if entries.isEmpty { lines += [text("empty"), ""] }
        for (index, entry) in entries.enumerated() { lines += practice(entry, number: index + 1) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func practice(_ entry: EditionDetail.Entry, number: Int) -> [String] {
        let version = entry.version
        var lines = ["## \(number). \(MeetingReport.inline(version.title.text(in: language)))", ""]
        let submitter = MeetingReport.inline(entry.submitter.name)
            + (entry.submitter.delegation.isEmpty ? "" : " (\(MeetingReport.inline(entry.submitter.delegation)))")
        lines.append(version.business.map { text("submittedFor", MeetingReport.inline($0), submitter) } ?? text("submittedBy", submitter))
        lines += ["", text("version", String(version.number), MeetingReport.day(version.at)) + " "
                    + text("original", text("language." + version.original)),
                  "", text("topics", version.topics.map(MeetingReport.inline).joined(separator: ", ")), ""]
        lines += block(text("summary"), version.summary)
        for section in version.sections { lines += block(text("section." + section.section), section.text) }
        return lines
    }

    private func block(_ heading: String, _ body: BilingualText) -> [String] {
        let shown = language == .en ? body.en : body.fr
        var lines = ["### " + heading, ""]
        if shown == nil { lines += ["*" + text("onlyIn", text("language." + (language == .en ? "fr" : "en"))) + "*", ""] }
        lines += body.text(in: language).terminalSafeLines.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines + [""]
    }
}
