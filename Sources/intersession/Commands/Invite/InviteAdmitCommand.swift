import ArgumentParser

struct InviteAdmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admit", abstract: "Seat one redeemer of a contested invite (secretariat); until then it seats nobody.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The invite's id prefix.") var invite: String
    @Argument(help: "The redeemer to seat: a feed id prefix or a name, as `invite list` shows them.") var member: String

    func run() throws {
        try profile.reportingErrors {
            let admitted = try profile.act { try $0.admit(member, to: invite) }
            Output.line("Admitted \(admitted.feed.short) through invite \(admitted.invite.short); the other redeemers stay unseated.")
        }
    }
}
