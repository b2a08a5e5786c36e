import ArgumentParser
import IntersessionCore
import IntersessionStore

struct PollNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Open a poll (co-chairs and the secretariat).")
    @OptionGroup var profile: ProfileOptions
    @Option(help: "proposal, single, multiple, ranked, election or silence.") var kind: PollKind
    @Option(help: "The question or the text's title (an election has a default).") var title: String?
    @Option(help: "The proposal or the text put to silence.") var text: String = ""
    @Option(name: .customLong("option"), help: "An option (repeat, for choice polls).") var options: [String] = []
    @Option(help: "An election's seat: administration or private (both, each its own poll, when omitted).") var seat: Seat?
    @Option(help: "Roles that vote, comma-separated (member,cochair,secretariat; member for an election).") var electorate: String?
    @Option(help: "person or delegation (delegation for an election).") var unit: PollUnit?
    @Option(help: "Days until the deadline.") var days: Int = 14
    @Option(help: "For a proposal: simple, two-thirds or consensus.") var majority: Majority = .simple
    @Flag(help: "Hide the results until the close.") var hidden = false

    func run() throws {
        try runReportingErrors {
            if seat != nil, kind != .election { throw InputError("--seat is for elections") }
            if kind == .election, !options.isEmpty { throw InputError("an election's candidates come from nominations, not --option") }
            if kind != .election, title == nil { throw InputError("--title is required") }
            if !(1...365).contains(days) { throw InputError("--days must be 1 to 365") }
            let election = kind == .election
            let roles = try (electorate ?? (election ? "member" : "member,cochair,secretariat")).split(separator: ",").map { text -> Role in
                guard let role = Role(rawValue: text.trimmingCharacters(in: .whitespaces)) else { throw InputError("unknown role \(text)") }
                return role
            }
            let seats: [Seat?] = election ? (seat.map { [$0] } ?? Seat.allCases) : [nil]
            let polls = try seats.map { seat in
                PollCreate(kind: kind, title: try TextCheck.title(Self.title(title, seat: seat)), text: text, options: options,
                           electorate: roles, unit: unit ?? (election ? .delegation : .person),
                           deadline: Clock.now() + Int64(days) * 86_400_000, hiddenUntilClose: hidden, majority: majority, seat: seat)
            }
            let (store, key) = try profile.openForWriting()
            let change = try store.author(ops: polls.map(Op.pollCreate), references: [], key: key, now: Clock.now())
            for index in polls.indices { Output.line(change.entity(index).hex) }
        }
    }

    /// An election's title names its seat; the group's title for it comes first when given.
    static func title(_ title: String?, seat: Seat?) -> String {
        guard let seat else { return title ?? "" }
        let name = seat == .administration ? "co-chair for a Member administration" : "co-chair for the private sector"
        return title.map { "\($0): \(name)" } ?? "Election of the \(name)"
    }
}
