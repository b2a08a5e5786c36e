import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "Meetings: their phases, agenda, participants, concerns, outcomes and summary report.",
        subcommands: [MeetingListCommand.self, MeetingNewCommand.self, MeetingShowCommand.self, MeetingAgendaCommand.self,
                      MeetingItemCommand.self, MeetingPhaseCommand.self, MeetingRegisterCommand.self, MeetingConcernCommand.self,
                      MeetingOutcomeCommand.self, MeetingSummaryCommand.self, MeetingCategoriseCommand.self,
                      MeetingDelegationsCommand.self],
        defaultSubcommand: MeetingListCommand.self)
}

extension MeetingMode: ExpressibleByArgument {}
extension MeetingPhaseKind: ExpressibleByArgument {}
extension ItemPurpose: ExpressibleByArgument {}
extension ItemCategory: ExpressibleByArgument {}
extension ParticipantCapacity: ExpressibleByArgument {}
extension OutcomeKind: ExpressibleByArgument {}

struct MeetingListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The meetings, latest first.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let meetings = try store.meetings()
            if output.json { return try Output.json(meetings) }
            Output.lines(meetings.map { meeting in
                let phase = meeting.currentPhase.map { "\($0) phase open" } ?? "no phase open"
                return "\(Output.short(meeting.id))  \(meeting.starts)..\(meeting.ends)  \(Output.pad(Output.name(meeting.body + " " + meeting.number), 12)) "
                    + "\(Output.pad(Output.name(meeting.title), 40)) \(meeting.items) items, \(meeting.openItems) open  \(phase)"
            })
        }
    }
}

struct MeetingShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A meeting: its phases, presiding co-chairs, participants and agenda.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "A meeting id prefix.") var meeting: String

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let detail = try store.meeting(try store.resolveMeetingEntry(meeting, in: .meeting))
            if output.json { return try Output.json(detail) }
            let summary = detail.summary
            Output.line("\(Output.name(summary.title))  [\(Output.name(summary.body)) \(Output.name(summary.number)), \(summary.mode), \(summary.starts)..\(summary.ends)]")
            let presiding = detail.presiding.isEmpty ? "every co-chair" : detail.presiding.map { Output.name($0.name) }.joined(separator: ", ")
            Output.line("presiding: \(presiding)")
            for phase in detail.phases {
                let state = phase.closed ? "closed" : phase.opened ? "open until \(phase.deadline.map(Output.time) ?? "-")" : "not opened"
                Output.line("  \(Output.pad(phase.phase, 10)) \(state)")
            }
            for passed in detail.passedDeadlines(now: Clock.now()) { Output.line(Self.prompt(passed, meeting: summary.id)) }
            Output.line("participants: \(detail.participants.count)")
            for participant in detail.participants {
                Output.line("  \(Output.pad(Output.name(participant.delegation), 24)) \(Output.pad(Output.name(participant.person.name), 24)) \(participant.capacity)")
            }
            MeetingAgendaCommand.print(detail.agenda)
        }
    }
}

extension MeetingShowCommand {
    /// A deadline passed prompts the co-chairs; it closes nothing.
    static func prompt(_ passed: PassedDeadline, meeting: String) -> String {
        switch passed {
        case .phase(let phase, let deadline):
            "DEADLINE PASSED \(Output.time(deadline)): the \(phase.rawValue) phase is still open; the co-chairs close it with "
                + "`intersession meeting phase \(Output.short(meeting)) close \(phase.rawValue)`"
        case .itemComments(let item, let number, let deadline):
            "DEADLINE PASSED \(Output.time(deadline)): comments on item \(Output.name(number)) are still open; the co-chairs close them with "
                + "`intersession meeting phase \(Output.short(meeting)) close comment --item \(Output.short(item))`"
        }
    }
}

struct MeetingAgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agenda", abstract: "A meeting's agenda: each item, where it stands, its comments and concerns.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "A meeting id prefix.") var meeting: String

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let agenda = try store.meeting(try store.resolveMeetingEntry(meeting, in: .meeting)).agenda
            if output.json { return try Output.json(agenda) }
            Self.print(agenda)
        }
    }

    static func print(_ agenda: [AgendaItemView]) {
        Output.lines(agenda.map { item in
            let indent = item.parent == nil ? "" : "  "
            let late = item.lateComments > 0 ? " (\(item.lateComments) late)" : ""
            return "\(Output.short(item.id))  \(indent)\(Output.pad(Output.name(item.number), 6 - indent.count)) \(Output.pad(Output.name(item.title), 36)) "
                + "\(Output.pad(item.purpose, 11)) \(Output.pad(item.standing, 12)) \(item.comments.count) comments\(late), \(item.openConcerns) open concerns"
        })
    }
}
