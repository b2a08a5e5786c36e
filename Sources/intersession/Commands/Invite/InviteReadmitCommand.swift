import ArgumentParser
import Foundation
import IntersessionCore

struct InviteReadmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readmit",
        abstract: "Re-admit a member under a new key (secretariat): after a fork (a copied home) or a lost key.",
        discussion: """
            One change removes the member's old feed after its last change that counts here (the one before \
            the fork point, when it forked) and invites a new key with the same name, delegation and roles. \
            Hand the invite file to the member privately; `intersession join FILE` in their home takes it up \
            there (a new key, the same store) and lists their changes that no longer count.
            """)

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The member: a name or a feed id prefix.") var member: String
    @Option(help: "Days until the invite expires.") var expires: Int = Terms.inviteDays
    @Option(help: "Where to write the invite file (not overwritten).") var out: String

    func run() throws {
        try profile.reportingErrors {
            let readmission = try profile.act { try $0.readmit(member, days: expires, to: out) }
            let file = readmission.file
            let roles = readmission.roles.map(\.rawValue).joined(separator: ", ")
            Output.line("Re-admitting \(file.name.terminalSafe) (\(file.organisation.terminalSafe)) as \(roles): feed \(readmission.replaced.short) counts up to seq \(readmission.lastCounted); the invite \(file.invite.short) expires \(Output.time(file.expires)).")
            Output.line("Give \(out.terminalSafe) to them privately: `intersession join \(out.terminalSafe)` in their home takes it up.")
            if let report = readmission.report { SyncOutput.print(report, language: profile.messageLanguage) }
        }
    }
}
