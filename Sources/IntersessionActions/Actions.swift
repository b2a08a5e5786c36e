import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// Every act a person can take on their profile, one named method each (in `Acts/`). Each act
/// first takes in this profile's own newer changes from its folders (a restored backup must
/// never sign different changes under seqs it already used), checks what the rules will check,
/// builds the ops, signs them (the store derives references and dependencies from the ops), and
/// returns the ids of what it made, or throws an `ActionError` or `StoreError`.
public final class Actions {
    public let store: AppDatabase
    public let key: DeviceKey
    /// The shared folders this profile syncs with (read once, when opened).
    public let folders: [String]
    let clock: () -> Int64
    /// The language posts, replies and comments are written in unless an act says otherwise.
    public let writingLanguage: Language
    /// This profile's copy of attachments' chunks, beside its store (`ChunkCache`).
    public lazy var chunkCache = ChunkCache.beside(storePath: store.path)
    /// How many of its own changes this profile took in from its folders before acting.
    public private(set) var adoptedChanges = 0

    public init(store: AppDatabase, key: DeviceKey, folders: [String]? = nil, writingLanguage: Language = .en,
                clock: @escaping () -> Int64) throws {
        self.store = store
        self.writingLanguage = writingLanguage
        self.key = key
        self.folders = try folders ?? RememberedFolders(store: store).list()
        self.clock = clock
    }

    /// The actions of the profile in `home`.
    public convenience init(home: ProfileHome, clock: @escaping () -> Int64) throws {
        try self.init(store: try home.openStore(), key: try home.loadKey(), writingLanguage: Self.writingLanguage(of: home), clock: clock)
    }

    public var me: FeedID { key.feed }

    /// Takes in this profile's own changes that its folders hold and its store does not.
    func adoptOwnChanges() throws {
        guard !folders.isEmpty else { return }
        adoptedChanges += try SyncEngine(store: store, device: key).adoptOwnFeed(key.feed, folders: folders).importedChanges
    }

    /// Signs one change of `ops` at `now` (the act's one reading of the clock, when it needed
    /// one for a deadline or an expiry; else read here). Every act ends here.
    @discardableResult
    func sign(_ ops: [Op], at now: Int64? = nil) throws -> SignedChange {
        // Nothing signed with a forked key counts anywhere: say so instead of signing in vain.
        if let frozen = try store.frozenFeeds().first(where: { $0.feed == key.feed }) { throw ActionError.ownFeedFrozen(from: frozen.seq) }
        return try store.author(ops: ops, key: key, now: now ?? clock())
    }

    /// Writes this profile's new changes to its folders (after an invite, so the invitee finds it).
    public func publish() throws -> SyncReport? {
        folders.isEmpty ? nil : try SyncEngine(store: store, device: key).sync(folders: folders)
    }

    /// An id typed or picked, as the entity it names.
    func entity(_ typed: String, as kind: EntryKind) throws -> EntityID {
        let hex = try store.resolve(typed, as: kind)
        guard let id = EntityID(hex: hex) else { throw StoreError.notFound(kind: kind.rawValue, prefix: typed) }
        return id
    }

    /// What an id prefix (or a topic key) typed names, for a front end to act on or show.
    public func resolveTopic(_ typed: String) throws -> EntityID { try entity(typed, as: .topic) }
    public func resolveThread(_ typed: String) throws -> EntityID { try entity(typed, as: .thread) }
    public func resolvePost(_ typed: String) throws -> EntityID { try entity(typed, as: .post) }
    public func resolvePoll(_ typed: String) throws -> EntityID { try entity(typed, as: .poll) }
    public func resolveDraft(_ typed: String) throws -> EntityID { try entity(typed, as: .draft) }
    public func resolveAmendment(_ typed: String) throws -> EntityID { try entity(typed, as: .amendment) }

    /// A member typed or picked, with the last change of theirs this replica holds: a grant
    /// counts from the next one, a revocation keeps up to it.
    func member(_ typed: String) throws -> (feed: FeedID, head: Int64, hash: ChangeHash?) {
        let hex = try store.resolve(typed, as: .member)
        guard let feed = FeedID(hex: hex) else { throw StoreError.notFound(kind: "member", prefix: typed) }
        return try member(feed: feed)
    }

    /// A member by feed, known here or not yet (a newcomer's grant counts from their first change).
    func member(feed: FeedID) throws -> (feed: FeedID, head: Int64, hash: ChangeHash?) {
        let head = try store.feedProgress()[feed]?.head ?? 0
        let hash = head > 0 ? try store.changes(of: feed, in: head...head).first?.hash : nil
        return (feed, head, hash)
    }

    /// The language this profile writes in unless an act says otherwise (its config's `lang`).
    public static func writingLanguage(of home: ProfileHome) -> Language {
        ProfileConfig.load(from: home.configURL)["lang"].flatMap(Language.init(rawValue:)) ?? .en
    }
}
