import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore

struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice", abstract: "The best-practice library: submit, update and take practices through review to an edition.",
        subcommands: [PracticeListCommand.self, PracticeShowCommand.self, PracticeSubmitCommand.self, PracticeUpdateCommand.self,
                      PracticeReviewCommand.self, PracticeOpenCommand.self, PracticeEndorseCommand.self, PracticePublishCommand.self,
                      PracticeWithdrawCommand.self, PracticeSupersedeCommand.self, PracticeAttachCommand.self],
        defaultSubcommand: PracticeListCommand.self)
}

extension PracticeState: ExpressibleByArgument {}

struct PracticeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The practices, by state, then title.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only practices in this state.") var state: PracticeState?
    @Option(help: "Only practices under this topic (its key).") var topic: String?

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let practices = try store.practices().filter { practice in
                (state.map { $0.rawValue == practice.state } ?? true) && (topic.map { practice.topics.contains($0) } ?? true)
            }
            if output.json { return try Output.json(practices) }
            let language = profile.messageLanguage
            Output.lines(practices.map { practice in
                "\(Output.short(practice.id))  \(Output.pad(practice.state, 10)) v\(practice.version)  "
                    + "\(Output.pad(Output.name(practice.title.text(in: language)), 44)) \(Output.name(practice.submitter.delegation))"
                    + (practice.business.map { " for \(Output.name($0))" } ?? "")
            })
        }
    }
}

struct PracticeShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A practice: its current version, both languages, and its history.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "A practice id prefix.") var practice: String

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let detail = try store.practice(try store.resolveLibraryEntry(practice, in: .practice))
            if output.json { return try Output.json(detail) }
            let summary = detail.summary
            Output.line("\(Output.name(summary.title.en ?? "-"))  /  \(Output.name(summary.title.fr ?? "-"))")
            Output.line("\(summary.state), version \(summary.version) (original: \(summary.original)); by \(Output.name(summary.submitter.name)) "
                        + "(\(Output.name(summary.submitter.delegation)))" + (summary.business.map { " for \(Output.name($0))" } ?? ""))
            Output.line("topics: \(summary.topics.joined(separator: ", "))"
                        + (summary.editions.isEmpty ? "" : "; editions: \(summary.editions.map(Output.name).joined(separator: ", "))"))
            if let current = detail.current {
                Output.line()
                for (heading, text) in [("summary", current.summary)] + current.sections.map({ ($0.section, $0.text) }) {
                    Output.line("\(heading):")
                    if let english = text.en { Output.line("  [en] " + english.replacingOccurrences(of: "\n", with: "\n       ")) }
                    if let french = text.fr { Output.line("  [fr] " + french.replacingOccurrences(of: "\n", with: "\n       ")) }
                }
            }
            Output.line()
            Output.line("history:")
            for step in detail.history {
                let version = step.version.map { " v\($0)" } ?? ""
                Output.line("  \(Output.time(step.at))  \(Output.pad(step.kind, 9)) -> \(Output.pad(step.state, 10))\(version)  "
                            + "\(Output.name(step.by.name))" + (step.stands ? "" : "  (overtaken)") + (step.note.map { ": \(Output.name($0))" } ?? ""))
            }
            Output.line("comments: intersession show \(Output.short(detail.thread))")
        }
    }
}
