import ArgumentParser
import IntersessionCore

struct MemberGrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant", abstract: "Grant a role (secretariat), counting from the member's next change.")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The member's feed id prefix.") var member: String
    @Option(help: "secretariat, cochair, member, partner, private, observer or expert.") var role: Role
    @Option(help: "For an expert or a co-chair: days until the term ends (you will then be prompted to revoke).") var until: Int?

    func run() throws {
        try profile.reportingErrors {
            if until != nil, role != .expert, role != .cochair { throw InputError("untilRole") }
            let granted = try profile.act { try $0.grant(role, to: member, days: until) }
            Output.line("Granted \(role.rawValue) to \(granted.feed.short) from their change \(granted.seq + 1).")
        }
    }
}
