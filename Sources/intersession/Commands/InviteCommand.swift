import ArgumentParser
import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

struct InviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite", abstract: "Invite someone to the group (secretariat): writes an invite file to hand over privately.")

    @OptionGroup var profile: ProfileOptions
    @Option(help: "The invitee's name.") var name: String
    @Option(help: "The invitee's delegation (organisation).") var org: String
    @Option(help: "secretariat, cochair, member, partner, private, observer or expert.") var role: Role
    @Option(help: "Days until the invite expires.") var expires: Int = 14
    @Option(help: "Where to write the invite file (not overwritten).") var out: String

    func validate() throws {
        guard (1...365).contains(expires) else { throw ValidationError("--expires must be 1 to 365 days") }
    }

    func run() throws {
        try runReportingErrors {
            let name = try TextCheck.name(name, what: "name")
            let org = try TextCheck.name(org, what: "organisation")
            guard !FileManager.default.fileExists(atPath: out) else { throw InputError("\(out) already exists; choose another --out") }
            let (store, key) = try profile.openForWriting()
            let folders = try RememberedFolders(store: store).list()
            let now = Clock.now()
            let invite = try Invitation.create(
                store: store, key: key, name: name, organisation: org, role: role,
                expires: now + Int64(expires) * 86_400_000, folders: folders, now: now)
            try PrivateFile.write(invite.bytes, to: out)
            Output.line("Invited \(name) (\(org)) as \(role.rawValue); the invite \(invite.invite.short) expires \(Output.time(invite.expires)).")
            Output.line("Give \(out) to them privately: whoever holds it can join once.")
            if folders.isEmpty {
                Output.line("No shared folder yet: run `intersession sync --folder PATH` so that they can find the group.")
            } else {
                SyncOutput.print(try SyncEngine(store: store).sync(folders: folders))
            }
        }
    }
}

extension Role: ExpressibleByArgument {}

/// A file only its owner may read (an invite holds a secret).
enum PrivateFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw InputError("cannot write \(path)")
        }
    }
}
