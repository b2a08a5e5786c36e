import ArgumentParser
import Foundation
import IntersessionCore
import IntersessionStore

struct DraftDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "What changed between two versions (or a version and now), by paragraph and word.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var draft: DraftArgument
    @Argument(help: "The older version's name (default: the latest version).") var from: String?
    @Argument(help: "The newer version's name, or \"now\" (default).") var to: String = "now"

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let id = try draft.id(in: store)
            let detail = try store.draft(id)
            let history = try store.draftHistory(id)
            func text(_ name: String?) throws -> String {
                guard let name, name != "now" else { return detail.text }
                guard let version = detail.versions.last(where: { $0.name == name }) else {
                    throw InputError("noVersion", name, detail.versions.map(\.name).joined(separator: ", "))
                }
                return history.text(within: version.feedHeads).text
            }
            guard let from = from ?? detail.versions.last?.name else { throw InputError("noVersionYet") }
            let changes = DraftDiff.changes(from: try text(from), to: try text(to))
            if output.json {
                return try Output.json(changes.filter { $0.kind != .same }.map { ["kind": $0.kind.rawValue, "number": $0.number.map(String.init) ?? "",
                                                                                   "text": DraftOutput.segments($0.segments)] })
            }
            let changed = changes.filter { $0.kind != .same }
            if changed.isEmpty { return Output.line("No change between \(from) and \(to).") }
            for change in changed {
                Output.line("\(change.number.map { "¶\($0)" } ?? "#")  \(change.kind.rawValue)")
                Output.line("    " + DraftOutput.segments(change.segments))
            }
        }
    }
}

struct DraftBlameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "blame", abstract: "Who last changed each paragraph, and when.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var draft: DraftArgument

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let detail = try store.draft(try draft.id(in: store))
            if output.json { return try Output.json(detail.paragraphs) }
            for paragraph in detail.paragraphs {
                let who = paragraph.lastAuthor ?? "?"
                let when = paragraph.lastChanged.map(Output.time) ?? ""
                let first = paragraph.text.split(separator: "\n").first.map(String.init) ?? ""
                Output.line("\(Output.pad(paragraph.number.map { "¶\($0)" } ?? "#", 5)) \(Output.pad(who, 22)) \(Output.pad(when, 17)) \(first.prefix(60))")
            }
        }
    }
}

struct DraftVersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Name the draft as it stands here (e.g. Rev.1).")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var draft: DraftArgument
    @Argument(help: "The version's name.") var name: String

    func run() throws {
        try profile.reportingErrors {
            let id = try profile.act { try $0.nameVersion(of: draft.draft, name) }
            Output.line("Named \(name) for \(id.short).")
        }
    }
}

struct DraftStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Set the stage: working, comment, adoption, adopted or superseded (co-chairs, secretariat).")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var draft: DraftArgument
    @Argument(help: "working, comment, adoption, adopted or superseded.") var status: DraftStatus

    func run() throws {
        try profile.reportingErrors {
            let id = try profile.act { try $0.setStatus(of: draft.draft, status) }
            Output.line("\(id.short) is now \(status.rawValue).")
        }
    }
}

struct DraftPenholdersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "penholders", abstract: "Name the penholders (co-chairs, secretariat).")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var draft: DraftArgument
    @Argument(help: "Feed id prefixes.") var members: [String]

    func run() throws {
        try profile.reportingErrors {
            let (feeds, id) = try profile.act { actions in (try actions.setPenholders(of: draft.draft, members), try actions.resolveDraft(draft.draft)) }
            Output.line("Penholders of \(id.short): \(feeds.map(\.short).joined(separator: ", ")).")
        }
    }
}
