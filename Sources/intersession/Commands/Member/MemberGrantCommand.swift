import ArgumentParser
import IntersessionCore
import IntersessionStore

struct MemberGrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant", abstract: "Grant a role (secretariat), counting from the member's next change.")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The member's feed id prefix.") var member: String
    @Option(help: "secretariat, cochair, member, partner, private, observer or expert.") var role: Role

    func run() throws {
        try runReportingErrors {
            let (store, key) = try profile.openForWriting()
            let target = try MemberTarget.resolve(member, in: store)
            let op = Op.memberRole(MemberRole(feed: target.feed, role: role, fromSeq: target.head + 1))
            _ = try store.author(ops: [op], references: [], key: key, now: Clock.now(), dependsOn: [target.feed: target.head].filter { $0.value > 0 })
            Output.line("Granted \(role.rawValue) to \(target.feed.short) from their change \(target.head + 1).")
        }
    }
}
