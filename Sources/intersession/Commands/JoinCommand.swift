import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionSync

struct JoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join", abstract: "Join a group with an invite file: makes your profile (in --lang, default en) and syncs it.",
        discussion: """
            A re-admission (`invite readmit`) run in the home of the feed it replaces takes it up there: a new key \
            (the old one is kept as identity.key.replaced-ID), the same store, name, delegation and roles.
            """)

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The invite file.") var file: String
    @Option(help: "Your name as the group will see it (default: the invite's).") var name: String?
    @Option(help: "Your delegation (default: the invite's).") var org: String?
    @Option(help: "The shared folder (default: the one the invite names).") var folder: String?
    @Option(help: "A remote to join through, s3://BUCKET/PREFIX or webdav://HOST/PATH (default: the invite's, when no folder it names is here).")
    var remote: String?

    func run() throws {
        try profile.reportingErrors {
            let invite = try InviteFile.read(path: file)
            if Membership.readmits(invite, home: profile.profile) { return try rejoin(invite) }
            let name = name ?? invite.name
            let (change, report) = try profile.makingHome { try Membership.join(
                invite, home: profile.profile,
                profile: MemberProfile(name: name, organisation: org ?? invite.organisation, language: profile.lang ?? .en),
                folder: folder, remote: remote, now: Clock.now()) }
            Output.line("Joined the group \(invite.group.short) as \(Output.name(Self.trimmed(name))) (\(Output.name(Self.trimmed(org ?? invite.organisation)))), \(invite.role.rawValue); feed \(change.author.short).")
            SyncOutput.print(report, language: profile.messageLanguage)
        }
    }

    /// A re-admission taken up in the home of the feed it replaces.
    private func rejoin(_ invite: InviteFile) throws {
        let (change, replaced, report) = try Membership.rejoin(invite, home: profile.profile, now: Clock.now())
        Output.line("Re-admitted to the group \(invite.group.short): your new feed \(change.author.short) replaces \(replaced.short); your name, delegation and roles carry over.")
        let store = try profile.profile.openStore(readOnly: true)
        if let forked = try store.forkedChanges(of: replaced) { ForkNotice.printLost(forked) }
        SyncOutput.print(report, language: profile.messageLanguage)
    }

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }
}
