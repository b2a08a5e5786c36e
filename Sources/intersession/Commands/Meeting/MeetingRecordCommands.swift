import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore

struct MeetingRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "Register for a meeting; co-chairs and the secretariat register others (an invited expert).")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A meeting id prefix.") var meeting: String
    @Option(help: "Who, by name or feed id (yourself when omitted).") var member: String?
    @Option(name: .customLong("as"), help: "delegate, head-of-delegation, observer, expert, secretariat or withdrawn.")
    var capacity: ParticipantCapacity = .delegate
    @Option(help: "The delegation (the participant's organisation when omitted).") var delegation: String?

    func run() throws {
        try profile.reportingErrors {
            try profile.act { try $0.register(for: meeting, participant: member, capacity: capacity, delegation: delegation) }
            Output.line("Registered as \(capacity.rawValue).")
        }
    }
}

struct MeetingConcernCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concern", abstract: "Raise a final concern on an item (it stays open until answered), or answer one (co-chairs, secretariat).")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "An agenda item id prefix (raise), or a concern id prefix (with --answer).") var target: String
    @Flag(help: "Answer the concern TARGET.") var answer = false
    @Option(help: "The concern, or the answer.") var text: String
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            if answer {
                try profile.act { try $0.answerConcern(target, text: text) }
                return Output.line("Answered the concern.")
            }
            let id = try profile.act { try $0.raiseConcern(on: target, text: text) }
            try IDOutput.print(id, json: json)
        }
    }
}

struct MeetingOutcomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome", abstract: "Record an item's outcome (co-chairs, secretariat); it replaces the outcomes recorded before.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "An agenda item id prefix.") var item: String
    @Argument(help: "noted, endorsed, adopted, deferred or no-consensus.") var kind: OutcomeKind
    @Option(help: "The co-chairs' summary.") var summary: String
    @Option(help: "The poll (or silence procedure) the outcome was reached through.") var poll: String?
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            let id = try profile.act { try $0.setOutcome(of: item, kind: kind, summary: summary, poll: poll) }
            try IDOutput.print(id, json: json)
        }
    }
}

struct MeetingSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "The meeting's summary report, from the record: Markdown, or DOCX, ODT or PDF through pandoc.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A meeting id prefix.") var meeting: String
    @Option(name: .customLong("in"), help: "The report's language, en or fr (the language of messages when omitted).") var language: Language?
    @Option(help: "md, docx, odt or pdf (from --out's extension when omitted).") var format: String?
    @Option(help: "The file to write (standard output for Markdown when omitted).") var out: String?

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let detail = try store.meeting(try store.resolveMeetingEntry(meeting, in: .meeting))
            let markdown = MeetingReport(detail, language: language ?? profile.messageLanguage).markdown
            try DocumentExport.write(markdown, format: format, out: out)
        }
    }
}
