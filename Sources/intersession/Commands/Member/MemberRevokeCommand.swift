import ArgumentParser
import IntersessionCore

struct MemberRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "End a member's role (secretariat): their changes up to the last one seen here still count.")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The member's feed id prefix.") var member: String
    @Option(help: "The role to end.") var role: Role

    func run() throws {
        try profile.reportingErrors {
            let revoked = try profile.act { try $0.revoke(role, from: member) }
            Output.line("Revoked \(role.rawValue) from \(revoked.feed.short) after their change \(revoked.seq).")
        }
    }
}

struct MemberRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a member (secretariat): nothing they sign after their last change seen here will count.")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The member's feed id prefix.") var member: String

    func run() throws {
        try profile.reportingErrors {
            let removed = try profile.act { try $0.remove(member) }
            Output.line("Removed \(removed.feed.short) after their change \(removed.seq).")
        }
    }
}
