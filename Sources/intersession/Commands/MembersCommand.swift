import ArgumentParser
import IntersessionStore

struct MembersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "members", abstract: "The people of the group and their roles.")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try profile.reportingErrors { try Self.list(profile, output) }
    }

    static func list(_ profile: ProfileOptions, _ output: OutputOptions) throws {
        do {
            let store = try profile.openStore()
            let members = try store.members()
            if output.json { return try Output.json(members) }
            let replacements = Dictionary(try store.readmissions().compactMap { invite in invite.replaces.map { ($0, invite) } },
                                          uniquingKeysWith: { $1 })
            Output.lines(members.map { member in
                var seen = member.lastSeen.map(Output.time) ?? "-"
                for (role, until) in member.terms.sorted(by: { $0.key < $1.key }) {
                    seen += until < Clock.now()
                        ? "  \(role.uppercased()) TERM ENDED \(Output.time(until)): revoke with `intersession member revoke \(Output.short(member.feed)) --role \(role)`"
                        : "  \(role) until \(Output.time(until))"
                }
                if let invite = member.contestedInvite {
                    seen += "  CONTESTED invite \(Output.short(invite)): nobody is seated until the secretariat runs `intersession invite admit \(Output.short(invite)) FEED`"
                }
                if let frozen = member.frozenFrom { seen += "  FROZEN from seq \(frozen): two different changes were signed for it (evidence kept)" }
                if let readmission = replacements[member.feed] {
                    seen += readmission.redeemedBy.map { "  re-admitted as \(Output.short($0))" }
                        ?? "  re-admission \(Output.short(readmission.id)) not yet taken up"
                }
                return "\(Output.short(member.feed))  \(Output.pad(member.name ?? "?", 24)) \(Output.pad(member.organisation ?? "?", 28)) \(Output.pad(member.roles.joined(separator: ","), 14)) \(seen)"
            })
        }
    }
}

struct MemberListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The people of the group and their roles.")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try profile.reportingErrors { try MembersCommand.list(profile, output) }
    }
}
