import ArgumentParser
import IntersessionCore
import IntersessionStore

struct MemberRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "End a member's role (secretariat): their changes up to the last one seen here still count.")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The member's feed id prefix.") var member: String
    @Option(help: "The role to end.") var role: Role

    func run() throws {
        try runReportingErrors {
            let (store, key) = try profile.openForWriting()
            let target = try MemberTarget.resolve(member, in: store)
            let op = Op.memberRevoke(MemberRevoke(feed: target.feed, role: role, lastSeq: target.head, lastHash: target.hash))
            _ = try store.author(ops: [op], references: [], key: key, now: Clock.now(), dependsOn: [target.feed: target.head].filter { $0.value > 0 })
            Output.line("Revoked \(role.rawValue) from \(target.feed.short) after their change \(target.head).")
        }
    }
}

struct MemberRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a member (secretariat): nothing they sign after their last change seen here will count.")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The member's feed id prefix.") var member: String

    func run() throws {
        try runReportingErrors {
            let (store, key) = try profile.openForWriting()
            let target = try MemberTarget.resolve(member, in: store)
            guard target.feed != key.feed else { throw InputError("you cannot remove yourself") }
            let op = Op.memberRevoke(MemberRevoke(feed: target.feed, role: nil, lastSeq: target.head, lastHash: target.hash))
            _ = try store.author(ops: [op], references: [], key: key, now: Clock.now(), dependsOn: [target.feed: target.head].filter { $0.value > 0 })
            Output.line("Removed \(target.feed.short) after their change \(target.head).")
        }
    }
}
