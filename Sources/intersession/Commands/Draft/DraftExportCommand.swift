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
            let (store, _) = try profile.open(readOnly: true)
            let detail = try store.draft(try draft.id(in: store))
            let markdown = DraftMarkdown.render(detail)
            let chosen = (format ?? out.map { URL(fileURLWithPath: $0).pathExtension } ?? "md").lowercased()
            switch chosen {
            case "md", "markdown":
                guard let out else { return print(markdown, terminator: "") }
                try Data(markdown.utf8).write(to: URL(fileURLWithPath: out))
            case "docx", "odt", "pdf":
                guard let out else { throw InputError("outNeeded", chosen) }
                try Pandoc.convert(markdown, to: chosen, out: out)
            default:
                throw InputError("unknownFormat", chosen)
            }
            if let out { FileHandle.standardError.write(Data("Wrote \(out).\n".utf8)) }
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

enum Pandoc {
    static func convert(_ markdown: String, to format: String, out: String) throws {
        guard let pandoc = findExecutable("pandoc") else {
            throw InputError("noPandoc")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pandoc)
        process.arguments = ["--from", "markdown", "--output", out] + (format == "pdf" ? [] : ["--to", format])
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let why = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            throw InputError("pandocFailed", out, why)
        }
    }

    static func findExecutable(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
