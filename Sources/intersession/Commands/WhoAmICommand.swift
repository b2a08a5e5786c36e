import ArgumentParser
import IntersessionCore
import IntersessionStore
import IntersessionSync

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
        /// This profile's own feed folder in each remembered shared folder (its name is sealed
        /// in a sealed group, so this is how a script or a person finds it).
        var feedFolders: [String]
    }

    func run() throws {
        try profile.reportingErrors {
            let (store, key) = try profile.open(readOnly: true)
            let me = try store.member(key.feed)
            let identity = Identity(
                feed: key.feed.hex, name: me?.name, organisation: me?.organisation, roles: me?.roles ?? [],
                home: profile.profile.folder.path, group: try store.groupSummary(), frozenFrom: me?.frozenFrom,
                feedFolders: try Self.feedFolders(store, feed: key.feed))
            if output.json { return try Output.json(identity) }
            Output.line("\(identity.name ?? "?") (\(identity.organisation ?? "?")), \(identity.roles.joined(separator: ", "))")
            Output.line("feed   \(Output.short(identity.feed))")
            Output.line("group  \(Output.short(identity.group.id))  \(identity.group.titleEnglish ?? "")")
            Output.line("home   \(identity.home.terminalSafe)")
            Output.line("log    \(identity.group.changes) changes, \(identity.group.members) members, \(identity.group.pending) pending")
            try ForkNotice.printOwn(store, me: key.feed, listing: true)
        }
    }

    static func feedFolders(_ store: AppDatabase, feed: FeedID) throws -> [String] {
        guard let group = try store.groupID() else { return [] }
        let sealing = try FolderSealing.names(store: store)
        return try RememberedFolders(store: store).list().map {
            GroupFolder(root: $0, group: group, sealing: sealing).feedPath(feed)
        }
    }
}
