import ArgumentParser
import IntersessionCore

struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member", abstract: "Membership: list, grant and revoke roles, remove, edit your profile.",
        subcommands: [MemberListCommand.self, MemberGrantCommand.self, MemberRevokeCommand.self, MemberRemoveCommand.self,
                      MemberProfileCommand.self],
        defaultSubcommand: MemberListCommand.self)
}
