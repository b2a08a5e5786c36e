import ArgumentParser
import Foundation
import IntersessionCore
import IntersessionStore

struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft", abstract: "Documents drafted together: text, versions, diff, blame and export.",
        subcommands: [DraftListCommand.self, DraftNewCommand.self, DraftShowCommand.self, DraftEditCommand.self, DraftDiffCommand.self,
                      DraftBlameCommand.self, DraftVersionCommand.self, DraftStatusCommand.self, DraftPenholdersCommand.self,
                      DraftExportCommand.self, DraftCommentCommand.self],
        defaultSubcommand: DraftListCommand.self)
}

extension DraftStatus: ExpressibleByArgument {}

/// A draft named by an id prefix.
struct DraftArgument: ParsableArguments {
    @Argument(help: "A draft id prefix.") var draft: String

    func id(in store: AppDatabase) throws -> String { try store.resolve(draft, as: .draft) }
}

struct DraftListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The drafts, latest edited first.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let drafts = try store.drafts()
            if output.json { return try Output.json(drafts) }
            for draft in drafts {
                let amendments = draft.openAmendments > 0 ? "  \(draft.openAmendments) open amendment(s)" : ""
                let translation = draft.translationOf.map { "  translation of \(Output.short($0))" } ?? ""
                Output.line("\(Output.short(draft.id))  \(Output.pad(draft.symbol, 20)) \(Output.pad(draft.title, 40)) \(draft.language)  \(draft.status)\(amendments)\(translation)")
            }
        }
    }
}

struct DraftNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Start a draft (co-chairs and the secretariat); prints its short id.")
    @OptionGroup var profile: ProfileOptions
    @Option(help: "The title.") var title: String
    @Option(help: "The topic's key or id prefix.") var topic: String
    @Option(help: "The document symbol, e.g. WGEC/2026/3.") var symbol: String
    @Option(help: "The draft's language: en or fr (default: your profile's).") var language: Language?
    @Option(name: .customLong("penholder"), help: "A penholder's feed id prefix (repeat).") var penholders: [String] = []
    @Option(help: "The draft this one translates (aligned paragraph by paragraph).") var translationOf: String?
    @Option(help: "The first text, from a file (\"-\" for standard input).") var file: String?
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            let text = try file.map { try TextFile.read($0, limit: Limits.draftBytes) } ?? ""
            let draft = try profile.act { actions in
                try actions.newDraft(title: title, topic: topic, symbol: symbol, language: language ?? actions.writingLanguage,
                                     penholders: penholders, translationOf: translationOf, text: text)
            }
            try IDOutput.print(draft, json: json)
        }
    }
}


struct DraftShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A draft with numbered paragraphs and their marks: [ ] open amendments, ! concurrent edits, ~ source changed.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var draft: DraftArgument

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let detail = try store.draft(try draft.id(in: store))
            if output.json { return try Output.json(detail) }
            Output.line("\(detail.summary.symbol)  \(detail.summary.title)  [\(detail.summary.status), \(detail.summary.language)]")
            Output.line("penholders: \(detail.penholders.joined(separator: ", "))")
            if !detail.versions.isEmpty { Output.line("versions: \(detail.versions.map(\.name).joined(separator: ", "))") }
            Output.line()
            for paragraph in detail.paragraphs {
                Output.line(DraftOutput.paragraph(paragraph))
                Output.line()
            }
        }
    }
}

/// How drafts print.
enum DraftOutput {
    static func paragraph(_ paragraph: DraftParagraph) -> String {
        var marks = ""
        if !paragraph.openAmendments.isEmpty { marks += "[" + paragraph.openAmendments.map(Output.short).joined(separator: " ") + "] " }
        if paragraph.concurrentEdits { marks += "! " }
        if paragraph.sourceChangedSince { marks += "~ " }
        if !paragraph.comments.isEmpty { marks += "(\(paragraph.comments.count) comment\(paragraph.comments.count == 1 ? "" : "s")) " }
        let number = paragraph.number.map { "\($0). " } ?? ""
        return marks + number + paragraph.text
    }

    static func segments(_ segments: [DraftDiff.Segment]) -> String {
        segments.map { segment in
            switch segment {
            case .same(let text): text
            case .deleted(let text): "[-\(text)-]"
            case .inserted(let text): "{+\(text)+}"
            }
        }.joined()
    }
}
