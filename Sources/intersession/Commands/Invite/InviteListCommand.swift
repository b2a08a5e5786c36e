import ArgumentParser
import IntersessionStore

struct InviteListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The invites, oldest first, and who redeemed each.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let invites = try store.invites()
            if output.json { return try Output.json(invites) }
            for invite in invites { Output.line("\(Output.short(invite.id))  \(Output.pad(Output.name(invite.name), 24)) \(Output.pad(invite.role, 11)) \(Self.state(of: invite))") }
        }
    }

    static func state(of invite: InviteStatus) -> String {
        let redeemers = invite.redeemers.map { "\($0.name ?? "?") (\(Output.short($0.feed)))" }.joined(separator: ", ")
        if invite.contested {
            return "CONTESTED by \(redeemers): seat one with `intersession invite admit \(Output.short(invite.id)) FEED`"
        }
        if let holder = invite.redeemedBy { return "joined: \(invite.redeemedByName ?? "?") (\(Output.short(holder)))" + (invite.cancelled ? ", then cancelled" : "") }
        if invite.cancelled { return "cancelled" }
        return invite.expires < Clock.now() ? "expired \(Output.time(invite.expires))" : "open until \(Output.time(invite.expires))"
    }
}
