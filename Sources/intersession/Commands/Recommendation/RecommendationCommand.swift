import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore

struct RecommendationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommendation", abstract: "Recommendations to the committees: each adopted by a decision, with its follow-up.",
        subcommands: [RecommendationListCommand.self, RecommendationNewCommand.self, RecommendationShowCommand.self,
                      RecommendationFollowUpCommand.self],
        defaultSubcommand: RecommendationListCommand.self)
}

extension CommitteeBody: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}
extension RecommendationLevel: ExpressibleByArgument {}

struct RecommendationNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Record a recommendation the group adopted (co-chairs, secretariat); prints its short id.")
    @OptionGroup var profile: ProfileOptions
    @Option(help: "The recommendation's text.") var text: String
    @Option(name: .customLong("to"), help: "The body it is addressed to: PTC, EC, PC or SG (the Secretary General).") var body: CommitteeBody
    @Option(help: "policy or technical.") var level: RecommendationLevel
    @Option(help: "The poll (or silence procedure) that adopted it, closed and carried.") var poll: String?
    @Option(help: "Or the agenda item outcome (adopted or endorsed) that adopted it.") var outcome: String?
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            let request = Actions.RecommendationRequest(text: text, body: body, level: level, poll: poll, outcome: outcome)
            let id = try profile.act { try $0.recordRecommendation(request) }
            try IDOutput.print(id, json: json)
        }
    }
}

struct RecommendationListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The recommendations, in the order they were recorded.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .customLong("to"), help: "Only those addressed to this body.") var body: CommitteeBody?

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let list = try store.recommendations().filter { body == nil || $0.body == body?.rawValue }
            if output.json { return try Output.json(list) }
            Output.lines(list.map { item in
                let state = item.carried ? "adopted" : "NOT CARRIED"
                return "\(Output.short(item.id))  \(Output.pad(item.body, 3)) \(Output.pad(item.level, 9)) \(Output.pad(state, 11)) "
                    + "\(Output.pad(Output.name(item.text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""), 50)) "
                    + "\(item.followUps.count) follow-up"
            })
        }
    }
}

struct RecommendationShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A recommendation, its adopting decision and its follow-up.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "A recommendation id prefix.") var recommendation: String

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let item = try store.recommendation(try store.resolveRecommendation(recommendation))
            if output.json { return try Output.json(item) }
            Output.line("to \(item.body), \(item.level), recorded by \(Output.name(item.by.name)) \(Output.time(item.recordedAt))")
            Output.line("adopted by \(item.decisionKind) \(Output.short(item.decision)) \(Output.name(item.decisionTitle))"
                + (item.carried ? "" : " (NOT CARRIED)"))
            Output.line("")
            Output.line(Output.name(item.text))
            for followUp in item.followUps {
                Output.line("")
                Output.line("follow-up by \(Output.name(followUp.by.name)) \(Output.time(followUp.recordedAt)): \(Output.name(followUp.text))")
            }
        }
    }
}

struct RecommendationFollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow-up", abstract: "Record what became of a recommendation (co-chairs, secretariat).")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A recommendation id prefix.") var recommendation: String
    @Option(help: "The follow-up: the body's response, its implementation.") var text: String
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            let id = try profile.act { try $0.followUp(recommendation, text: text) }
            try IDOutput.print(id, json: json)
        }
    }
}
