import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionSync

struct JoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join", abstract: "Join a group with an invite file: makes your profile (in --lang, default en) and syncs it.")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The invite file.") var file: String
    @Option(help: "Your name as the group will see it.") var name: String
    @Option(help: "Your delegation (default: the invite's).") var org: String?
    @Option(help: "The shared folder (default: the one the invite names).") var folder: String?

    func run() throws {
        try profile.reportingErrors {
            let invite = try InviteFile.read(path: file)
            let (change, report) = try profile.makingHome { try Membership.join(
                invite, home: profile.profile,
                profile: MemberProfile(name: name, organisation: org ?? invite.organisation, language: profile.lang ?? .en),
                folder: folder, now: Clock.now()) }
            Output.line("Joined the group \(invite.group.short) as \(Self.trimmed(name)) (\(Self.trimmed(org ?? invite.organisation))), \(invite.role.rawValue); feed \(change.author.short).")
            SyncOutput.print(report)
        }
    }

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }
}
