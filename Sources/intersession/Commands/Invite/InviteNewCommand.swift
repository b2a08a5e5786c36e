import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionSync

struct InviteNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Invite someone (secretariat): writes an invite file to hand over privately (the default).")

    @OptionGroup var profile: ProfileOptions
    @Option(help: "The invitee's name.") var name: String
    @Option(help: "The invitee's delegation (organisation).") var org: String
    @Option(help: "secretariat, cochair, member, partner, private, observer or expert.") var role: Role
    @Option(help: "Days until the invite expires.") var expires: Int = Terms.inviteDays
    @Option(help: "Where to write the invite file (not overwritten).") var out: String

    func run() throws {
        try profile.reportingErrors {
            let (invite, report, shared) = try profile.act { actions in
                let made = try actions.invite(name: name, organisation: org, role: role, days: expires, to: out)
                return (made.file, made.report, InviteLocation.sharedFolder(holding: out, remembered: actions.folders))
            }
            if let shared {
                let warning = Phrasebook(language: profile.messageLanguage).text("notice.inviteInSharedFolder", [out.terminalSafe, shared.terminalSafe])
                Output.notice(warning)
            }
            Output.line("Invited \(invite.name.terminalSafe) (\(invite.organisation.terminalSafe)) as \(role.rawValue); the invite \(invite.invite.short) expires \(Output.time(invite.expires)).")
            Output.line("Give \(out.terminalSafe) to them privately: whoever holds it can join once.")
            if let report {
                SyncOutput.print(report, language: profile.messageLanguage)
            } else {
                Output.line("No shared folder yet: run `intersession sync --folder PATH` so that they can find the group.")
            }
        }
    }
}
