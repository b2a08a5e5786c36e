import Foundation
import IntersessionCore
import IntersessionStore

/// What a status bar tells of a profile's sync: its folders, its own changes not yet in all of
/// them, changes waiting for a dependency, files rejected.
public struct SyncState: Sendable, Equatable {
    public var folders: Int
    public var outgoing: Int
    public var pending: Int
    public var rejected: Int
    public var lastSync: Int64?

    static let lastSyncKey = "sync.last"

    public static func read(store: AppDatabase, feed: FeedID) throws -> SyncState {
        let folders = try RememberedFolders(store: store).list()
        let head = try store.feedProgress()[feed]?.head ?? 0
        var outgoing = 0
        for folder in folders {
            let covered = try store.seenSegments(folder)[feed.hex]?.map(\.last).max() ?? 0
            outgoing = max(outgoing, Int(head - min(head, covered)))
        }
        return SyncState(
            folders: folders.count, outgoing: outgoing, pending: try store.pendingCount(),
            rejected: try store.badFileCount(), lastSync: try store.setting(lastSyncKey).flatMap { Int64($0) })
    }

    /// Remembers when the profile last synced (shown as "synced 3 min ago"), with whatever
    /// else of the sync's local state `along` holds, in one write.
    public static func recordSync(store: AppDatabase, at millis: Int64, along settings: [String: String?] = [:]) throws {
        try store.setSettings(settings.merging([lastSyncKey: String(millis)]) { _, time in time })
    }
}
