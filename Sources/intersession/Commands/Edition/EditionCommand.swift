import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore

struct EditionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edition", abstract: "Editions of the library: named collections of published practices, exported as one document.",
        subcommands: [EditionListCommand.self, EditionNewCommand.self, EditionShowCommand.self, EditionAddCommand.self,
                      EditionExportCommand.self],
        defaultSubcommand: EditionListCommand.self)
}

struct EditionListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The editions, oldest first.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let editions = try store.editions()
            if output.json { return try Output.json(editions) }
            Output.lines(editions.map { edition in
                "\(Output.short(edition.id))  \(Output.pad(Output.name(edition.title.text(in: profile.messageLanguage)), 30)) \(edition.practices) practices"
            })
        }
    }
}

struct EditionNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Open an edition (secretariat, co-chairs); prints its short id.")
    @OptionGroup var profile: ProfileOptions
    @Option(help: "The title in English (e.g. \"2027 edition\").") var titleEn: String?
    @Option(help: "The title in French (e.g. \"Édition 2027\").") var titleFr: String?
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            var title: [Language: String] = [:]
            title[.en] = titleEn
            title[.fr] = titleFr
            let id = try profile.act { try $0.newEdition(title: title) }
            try IDOutput.print(id, json: json)
        }
    }
}

struct EditionShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "An edition: each practice it holds, at its version.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "An edition, by id prefix or title.") var edition: String

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let detail = try store.edition(try store.resolveEdition(edition))
            if output.json { return try Output.json(detail) }
            let language = profile.messageLanguage
            Output.line("\(Output.name(detail.summary.title.text(in: language))): \(detail.entries.count) practices")
            Output.lines(detail.entries.map { entry in
                "  \(Output.short(entry.practice))  v\(entry.version.number)  \(Output.pad(Output.name(entry.version.title.text(in: language)), 44)) "
                    + Output.name(entry.submitter.delegation)
            })
        }
    }
}

struct EditionAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Put a published version of a practice in an edition (secretariat); prints the addition's id.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "An edition, by id prefix or title.") var edition: String
    @Argument(help: "A practice id prefix.") var practice: String
    @Option(help: "The version number (its latest published version when omitted).") var version: Int?
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            let id = try profile.act { try $0.addToEdition(edition, practice: practice, version: version) }
            try IDOutput.print(id, json: json)
        }
    }
}

struct EditionExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "The edition as one document in the language of --lang, from the record: Markdown, or DOCX, ODT or PDF through pandoc.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "An edition, by id prefix or title.") var edition: String
    @Option(help: "md, docx, odt or pdf (from --out's extension when omitted).") var format: String?
    @Option(help: "The file to write (standard output for Markdown when omitted).") var out: String?

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let detail = try store.edition(try store.resolveEdition(edition))
            let markdown = EditionDocument(detail, language: profile.messageLanguage).markdown
            let chosen = (format ?? out.map { URL(fileURLWithPath: $0).pathExtension } ?? "md").lowercased()
            switch chosen {
            case "md", "markdown":
                guard let out else { return FileHandle.standardOutput.write(Data(markdown.utf8)) }
                try Data(markdown.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            case "docx", "odt", "pdf":
                guard let out else { throw InputError("outNeeded", chosen) }
                try Pandoc.convert(markdown, to: chosen, out: out)
            default:
                throw InputError("unknownFormat", chosen)
            }
            if let out { FileHandle.standardError.write(Data("Wrote \(out.terminalSafe).\n".utf8)) }
        }
    }
}
