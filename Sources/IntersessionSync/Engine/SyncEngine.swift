import Foundation
import IntersessionCore
import IntersessionStore

/// Exchanges signed changes with shared folders: imports what is new there, then exports what
/// the folder lacks, the profile's own feed and every other feed it holds (feeds are
/// self-authenticating, so any replica may relay them).
public struct SyncEngine: Sendable {
    let store: AppDatabase
    /// The profile's own feed, when known: a name taken from its own export is told as such.
    let own: FeedID?
    /// Directory times younger than this are not trusted to mark a folder as read: coarse
    /// clocks (FAT keeps 2 s) could hide a file written in the same tick.
    static let settleNanoseconds: Int64 = 3_000_000_000
    /// Changes applied per transaction on a large import, to bound memory.
    static let batchSize = 20_000

    public init(store: AppDatabase, own: FeedID? = nil) {
        self.store = store
        self.own = own
    }

    public func sync(folders: [String]) throws -> SyncReport {
        guard let group = try store.groupID() else { throw StoreError.noGroup }
        var report = SyncReport()
        var present: [GroupFolder] = []
        for root in folders {
            guard FileStatus(path: root)?.isDirectory == true else {
                report.problems.append(.init(path: root, reason: "\(FolderError.missing(root))"))
                continue
            }
            present.append(GroupFolder(root: root, group: group))
        }
        // Everything in first, then everything out, so that one sync carries each folder's
        // news to every other (a USB stick leaves with what the cloud folder brought).
        for folder in present { try FolderImport(store: store, folder: folder).run(into: &report) }
        for folder in present { try FolderExport(store: store, folder: folder, own: own).run(into: &report) }
        report.pending = try store.pendingCount()
        try report.reviewStanding(store: store)
        try SyncState.recordSync(store: store, at: Int64(Date().timeIntervalSince1970 * 1000))
        return report
    }

    /// Before signing a new change: takes in the profile's own newer changes from the folders
    /// (a profile restored from a backup), so that it continues its feed instead of forking it.
    public func adoptOwnFeed(_ feed: FeedID, folders: [String]) throws -> SyncReport {
        guard let group = try store.groupID() else { throw StoreError.noGroup }
        var report = SyncReport()
        for root in folders where FileStatus(path: root)?.isDirectory == true {
            try FolderImport(store: store, folder: GroupFolder(root: root, group: group), only: feed).run(into: &report)
        }
        return report
    }
}
