import ArgumentParser
import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

struct JoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join", abstract: "Join a group with an invite file: makes your profile and syncs it.")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The invite file.") var file: String
    @Option(help: "Your name as the group will see it.") var name: String
    @Option(help: "Your delegation (default: the invite's).") var org: String?
    @Option(help: "The shared folder (default: the one the invite names).") var folder: String?
    @Option(help: "Your language: en or fr.") var lang: Language = .en

    func run() throws {
        try runReportingErrors {
            let name = try TextCheck.name(name, what: "name")
            guard let bytes = FileManager.default.contents(atPath: file) else { throw InputError("cannot read \(file)") }
            let invite = try InviteFile(bytes: Array(bytes))
            let org = try TextCheck.name(org ?? invite.organisation, what: "organisation")
            let home = profile.profile
            let (change, report) = try Invitation.join(
                invite, home: home, profile: MemberProfile(name: name, organisation: org, language: lang),
                folder: folder, now: Clock.now())
            Output.line("Joined the group \(invite.group.short) as \(name) (\(org)), \(invite.role.rawValue); feed \(change.author.short).")
            SyncOutput.print(report)
        }
    }
}
