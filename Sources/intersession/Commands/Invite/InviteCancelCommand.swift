import ArgumentParser

struct InviteCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel an invite (secretariat): no redemption not yet seen here will ever seat anyone.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The invite's id prefix.") var invite: String

    func run() throws {
        try profile.reportingErrors {
            let status = try profile.act { try $0.cancelInvite(invite) }
            let count = status.redeemers.count
            let kept = count == 0 ? "" : count == 1 ? " (the redemption seen here stays as it is)" : " (the \(count) redemptions seen here stay as they are)"
            Output.line("Cancelled the invite \(String(status.id.prefix(8))) for \(Output.name(status.name))\(kept).")
        }
    }
}
