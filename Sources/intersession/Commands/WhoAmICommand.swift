import ArgumentParser
import IntersessionCore
import IntersessionStore

struct WhoAmICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whoami", abstract: "Your identity and your group.")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions

    struct Identity: Encodable {
        var feed: String
        var name: String?
        var organisation: String?
        var roles: [String]
        var home: String
        var group: GroupSummary
        /// Set when this profile's feed forked: nothing it signs from this seq on counts.
        var frozenFrom: Int64?
    }

    func run() throws {
        try profile.reportingErrors {
            let (store, key) = try profile.open(readOnly: true)
            let me = try store.members().first { $0.feed == key.feed.hex }
            let identity = Identity(
                feed: key.feed.hex, name: me?.name, organisation: me?.organisation, roles: me?.roles ?? [],
                home: profile.profile.folder.path, group: try store.groupSummary(), frozenFrom: me?.frozenFrom)
            if output.json { return try Output.json(identity) }
            Output.line("\(identity.name ?? "?") (\(identity.organisation ?? "?")), \(identity.roles.joined(separator: ", "))")
            Output.line("feed   \(Output.short(identity.feed))")
            Output.line("group  \(Output.short(identity.group.id))  \(identity.group.titleEnglish ?? "")")
            Output.line("home   \(identity.home.terminalSafe)")
            Output.line("log    \(identity.group.changes) changes, \(identity.group.members) members, \(identity.group.pending) pending")
            try ForkNotice.printOwn(store, me: key.feed, listing: true)
        }
    }
}
