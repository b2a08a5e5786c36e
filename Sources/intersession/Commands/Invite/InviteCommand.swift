import ArgumentParser
import IntersessionCore

/// `intersession invite --name … --out F` still invites (the default subcommand); `list`,
/// `admit` and `cancel` deal with invites already handed out.
struct InviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite", abstract: "Invitations (secretariat): invite someone, list invites, settle a contested one, cancel one, re-admit a member under a new key.",
        subcommands: [InviteNewCommand.self, InviteListCommand.self, InviteAdmitCommand.self, InviteCancelCommand.self,
                      InviteReadmitCommand.self],
        defaultSubcommand: InviteNewCommand.self)
}

extension Role: ExpressibleByArgument {}
