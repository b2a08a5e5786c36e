import ArgumentParser
import Foundation
import IntersessionCore
import IntersessionStore

struct DraftExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the draft as Markdown, or as DOCX, ODT or PDF through pandoc.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var draft: DraftArgument
    @Option(help: "md, docx, odt or pdf (from --out's extension when omitted).") var format: String?
    @Option(help: "The file to write (standard output for Markdown when omitted).") var out: String?

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let detail = try store.draft(try draft.id(in: store))
            let markdown = DraftMarkdown.render(detail)
            try DocumentExport.write(markdown, format: format, out: out)
        }
    }
}

/// The draft as a document: symbol, title and status, then the paragraphs numbered.
enum DraftMarkdown {
    static func render(_ detail: DraftDetail) -> String {
        var lines = ["---", "title: \"\(detail.summary.title.replacingOccurrences(of: "\"", with: "'"))\"",
                     "subtitle: \"\(detail.summary.symbol) (\(detail.summary.status))\"", "lang: \(detail.summary.language)", "---", ""]
        for paragraph in detail.paragraphs {
            lines.append(paragraph.number.map { "\($0). " + paragraph.text.replacingOccurrences(of: "\n", with: "\n    ") } ?? paragraph.text)
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
