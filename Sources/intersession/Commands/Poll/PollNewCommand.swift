import ArgumentParser
import IntersessionActions
import IntersessionCore

struct PollNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Open a poll (co-chairs and the secretariat); prints its short id (one per seat for an election).")
    @OptionGroup var profile: ProfileOptions
    @Option(help: "proposal, single, multiple, ranked, election or silence.") var kind: PollKind
    @Option(help: "The question or the text's title (an election has a default).") var title: String?
    @Option(help: "The proposal or the text put to silence.") var text: String = ""
    @Option(name: .customLong("option"), help: "An option (repeat, for choice polls).") var options: [String] = []
    @Option(help: "An election's seat: administration or private (both, each its own poll, when omitted).") var seat: Seat?
    @Option(help: "Roles that vote, comma-separated (member,cochair,secretariat; member for an election).") var electorate: String?
    @Option(help: "person or delegation (delegation for an election).") var unit: PollUnit?
    @Option(help: "Days until the deadline.") var days: Int = Terms.pollDays
    @Option(help: "For a proposal: simple, two-thirds or consensus.") var majority: Majority = .simple
    @Flag(help: "Hide the results until the close.") var hidden = false
    @Flag(help: "Print {\"ids\": [<the full ids>]} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            var request = Actions.PollRequest(kind: kind, title: title)
            request.text = text
            request.options = options
            request.seat = seat
            request.electorate = try electorate.map(Self.roles)
            request.unit = unit
            request.days = days
            request.majority = majority
            request.hidden = hidden
            let polls = try profile.act { try $0.openPoll(request) }
            if json { return try Output.json(["ids": polls.map(\.hex)]) }
            for poll in polls { Output.line(poll.short) }
        }
    }

    static func roles(_ text: String) throws -> [Role] {
        try text.split(separator: ",").map { name -> Role in
            let name = name.trimmingCharacters(in: .whitespaces)
            guard let role = Role(rawValue: name) else { throw InputError("unknownRole", name) }
            return role
        }
    }
}
