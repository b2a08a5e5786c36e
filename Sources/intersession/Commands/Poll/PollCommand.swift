import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore

struct PollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll", abstract: "Decisions: proposals, choices, ranked choice, elections, the silence procedure.",
        subcommands: [PollListCommand.self, PollNewCommand.self, PollShowCommand.self, PollVoteCommand.self,
                      PollObjectCommand.self, PollNominateCommand.self, PollAcceptCommand.self, PollCloseCommand.self,
                      PollOutcomeCommand.self],
        defaultSubcommand: PollListCommand.self)
}

extension PollKind: ExpressibleByArgument {}
extension PollUnit: ExpressibleByArgument {}
extension Majority: ExpressibleByArgument {}
extension Position: ExpressibleByArgument {}
extension Seat: ExpressibleByArgument {}

struct PollListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The polls, newest first.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let polls = try store.polls()
            if output.json { return try Output.json(polls) }
            for poll in polls {
                let status = poll.closed ? "closed" : (poll.deadline < Clock.now() ? "deadline passed: close it" : "open until \(Output.time(poll.deadline))")
                Output.line("\(Output.short(poll.id))  \(Output.pad(poll.kind, 9)) \(Output.pad(poll.title, 44)) \(poll.voters) voted  \(status)")
            }
        }
    }
}

struct PollShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A poll, who voted, and the result when visible.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "A poll id prefix.") var poll: String

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let detail = try store.poll(try store.resolve(poll, as: .poll))
            if output.json { return try Output.json(detail) }
            Output.line("\(detail.summary.title)  [\(detail.summary.kind), \(detail.summary.closed ? "closed" : "open")]")
            if !detail.text.isEmpty { Output.line(detail.text) }
            for (index, option) in detail.options.enumerated() { Output.line("  \(index)  \(option)") }
            if let seat = detail.seat { ElectionOutput.candidates(detail, seat: seat) }
            Output.line("voted: \(detail.voterNames.joined(separator: ", "))")
            if let outcome = detail.outcome { Output.line("outcome: \(outcome)") }
            guard let result = detail.result else { return Output.line("results hidden until the close") }
            for (key, count) in result.counts.sorted(by: { $0.key < $1.key }) { Output.line("  \(Output.pad(key, 30)) \(count)") }
            let standing = detail.summary.closed ? "" : " (so far; the poll is open)"
            if let adopted = result.adopted { Output.line((adopted ? "adopted" : (result.blocked == true ? "blocked" : "not adopted")) + standing) }
            if let broken = result.brokenBy { Output.line("silence broken by \(broken): \(result.reason ?? "")") }
            if !result.winners.isEmpty {
                Output.line("\(detail.seat == nil ? "winner" : "elected"): \(result.winners.joined(separator: ", "))\(standing)")
            }
            if let due = detail.cochairGrantDue {
                Output.line("the secretariat now grants the co-chair role for one year: intersession member grant \(Output.short(due)) --role cochair --until \(Terms.cochairTermDays)")
            }
        }
    }
}

struct PollVoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "vote", abstract: "Vote, or change your vote until the close.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A poll id prefix.") var poll: String
    @Option(help: "For a proposal: agree, abstain, disagree or block.") var position: Position?
    @Option(name: .customLong("option"), help: "An option number (repeat; in order of preference for ranked choice).") var options: [Int] = []
    @Option(name: .customLong("candidate"), help: "An election's candidate, by name or feed id (repeat, in order of preference).")
    var candidates: [String] = []
    @Option(help: "Why (required to block).") var reason: String?

    func run() throws {
        try profile.reportingErrors {
            let id = try profile.act { actions in
                let chosen = try candidates.map { try actions.candidate($0, in: poll) }
                return try actions.vote(on: poll, Ballot(position: position, options: options, candidates: chosen, reason: reason))
            }
            Output.line("Voted on \(id.short).")
        }
    }
}

struct PollObjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "object", abstract: "Break the silence on a text, with a reason.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A poll id prefix.") var poll: String
    @Option(help: "Why.") var reason: String

    func run() throws {
        try profile.reportingErrors {
            let id = try profile.act { try $0.object(to: poll, reason: reason) }
            Output.line("Broke the silence on \(id.short).")
        }
    }
}

struct PollCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a poll (co-chairs, secretariat): exactly the ballots seen here count.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A poll id prefix.") var poll: String

    func run() throws {
        try profile.reportingErrors {
            let id = try profile.act { try $0.close(poll: poll) }
            Output.line("Closed \(id.short).")
        }
    }
}

struct PollOutcomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome", abstract: "State the outcome of a poll (co-chairs, secretariat); the latest statement stands.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A poll id prefix.") var poll: String
    @Option(help: "The statement.") var statement: String

    func run() throws {
        try profile.reportingErrors {
            let id = try profile.act { try $0.stateOutcome(of: poll, statement: statement) }
            Output.line("Stated the outcome of \(id.short).")
        }
    }
}
