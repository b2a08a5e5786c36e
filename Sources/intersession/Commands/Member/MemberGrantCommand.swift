import ArgumentParser
import IntersessionCore
import IntersessionStore

struct MemberGrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant", abstract: "Grant a role (secretariat), counting from the member's next change.")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The member's feed id prefix.") var member: String
    @Option(help: "secretariat, cochair, member, partner, private, observer or expert.") var role: Role
    @Option(help: "For an expert or a co-chair: days until the term ends (you will then be prompted to revoke).") var until: Int?

    func run() throws {
        try runReportingErrors {
            if let until, !(1...3650).contains(until) { throw InputError("--until must be 1 to 3650 days") }
            if until != nil, role != .expert, role != .cochair { throw InputError("--until is for experts and co-chairs") }
            let (store, key) = try profile.openForWriting()
            let target = try MemberTarget.resolve(member, in: store)
            let op = Op.memberRole(MemberRole(feed: target.feed, role: role, fromSeq: target.head + 1,
                                              until: until.map { Clock.now() + Int64($0) * 86_400_000 }))
            _ = try store.author(ops: [op], references: [], key: key, now: Clock.now(), dependsOn: [target.feed: target.head].filter { $0.value > 0 })
            Output.line("Granted \(role.rawValue) to \(target.feed.short) from their change \(target.head + 1).")
        }
    }
}
