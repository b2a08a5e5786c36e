import ArgumentParser
import IntersessionCore
import IntersessionStore

struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member", abstract: "Membership: list, grant and revoke roles, remove, edit your profile.",
        subcommands: [MemberListCommand.self, MemberGrantCommand.self, MemberRevokeCommand.self, MemberRemoveCommand.self,
                      MemberProfileCommand.self],
        defaultSubcommand: MemberListCommand.self)
}

/// A member named on the command line (any unique prefix of the feed id), with its last seq here.
enum MemberTarget {
    static func resolve(_ typed: String, in store: AppDatabase) throws -> (feed: FeedID, head: Int64, hash: ChangeHash?) {
        let hex = try store.resolve(typed, as: .member)
        guard let feed = FeedID(hex: hex) else { throw InputError("no member matches \"\(typed)\"") }
        let head = try store.feedProgress()[feed]?.head ?? 0
        let hash = head > 0 ? try store.changes(of: feed, in: head...head).first?.hash : nil
        return (feed, head, hash)
    }
}
