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
    /// The profile's device key, when known: in a sealed group, what opens the epochs wrapped for it.
    let device: DeviceKey?
    /// Directory times younger than this are not trusted to mark a folder as read: coarse
    /// clocks (FAT keeps 2 s) could hide a file written in the same tick.
    static let settleNanoseconds: Int64 = 3_000_000_000
    /// Changes applied per transaction on a large import before it ends at the next place where
    /// no file is half read (see `CausalMerge`): short transactions keep the store open to others.
    static let batchSize = 10_000
    /// How a remembered remote's store is reached (credentials from the environment or config).
    let connector: RemoteConnector

    public init(store: AppDatabase, own: FeedID? = nil, connector: RemoteConnector? = nil) {
        self.store = store
        self.own = own
        device = nil
        self.connector = connector ?? .standard(storePath: store.path)
    }

    public init(store: AppDatabase, device: DeviceKey, connector: RemoteConnector? = nil) {
        self.store = store
        own = device.feed
        self.device = device
        self.connector = connector ?? .standard(storePath: store.path)
    }

    public func sync(folders: [String]) throws -> SyncReport {
        guard let group = try store.groupID() else { throw StoreError.noGroup }
        var report = SyncReport()
        let mirrors = remoteMirrors(among: folders, into: &report)
        let locks = mirrors.map { $0.lock() }
        defer { locks.forEach { close($0) } }
        for mirror in mirrors { mirror.pull(now: Int64(Date().timeIntervalSince1970 * 1000), into: &report) }
        try exchange(folders, group: group, into: &report)
        // A name a mirror wrote that another replica took first on the remote: the mirror now
        // holds theirs, and one more round writes this replica's changes around it.
        if mirrors.map({ $0.push(into: &report) }).contains(true) {
            try exchange(mirrors.map(\.folder), group: group, into: &report)
            for mirror in mirrors { mirror.push(into: &report) }
        }
        report.pending = try store.pendingCount()
        try report.reviewStanding(store: store)
        report.nameRemotes(mirrors)
        try SyncState.recordSync(store: store, at: Int64(Date().timeIntervalSince1970 * 1000),
                                 along: report.windowCursors.mapValues { $0.isEmpty ? nil : $0 })
        return report
    }

    /// Everything in first, then everything out, so that one sync carries each folder's news
    /// to every other (a USB stick leaves with what the cloud folder brought).
    private func exchange(_ folders: [String], group: GroupID, into report: inout SyncReport) throws {
        var roots: [String] = []
        for root in folders {
            guard FileStatus(path: root)?.isDirectory == true else {
                report.problems.append(.init(path: root, reason: "\(FolderError.missing(root))"))
                continue
            }
            roots.append(root)
        }
        let present = try importAll(roots, group: group, into: &report)
        for folder in present { try FolderExport(store: store, folder: folder, own: own).run(into: &report) }
    }

    /// Reads every folder; in a sealed group, first the key files, and again while what was
    /// read brought an epoch key that opens files left locked. Returns the folders as sealed
    /// by the last key learned, for the export.
    private func importAll(_ roots: [String], group: GroupID, into report: inout SyncReport) throws -> [GroupFolder] {
        var sealing = try FolderSealing.load(store: store, device: device)
        var folders = roots.map { GroupFolder(root: $0, group: group, sealing: sealing) }
        guard sealing != nil else {
            for folder in folders { try FolderImport(store: store, folder: folder).run(into: &report) }
            return folders
        }
        var learned = 0
        for folder in folders { learned += try KeyFileExchange(store: store, folder: folder, device: device).read(into: &report) }
        // A newcomer holds the current epoch only; each round opens files sealed under the
        // epoch whose key the round before learned from a history, back to the first epoch.
        // Every round but the last learns a key the log commits to, so the rounds end. The
        // sealing is made again only when a key was learned since (a sync with nothing new
        // learns keys once).
        // A round that wrote nothing to the store (a sync with nothing new) cannot have brought
        // a key or an epoch: what `load` learned and sealed with still holds.
        let untouched = try store.rowsWrittenHere()
        var round = 0
        while true {
            if learned > 0 {
                if round == 0 { try FolderSealing.learnKeys(store: store, device: device, group: group, remembering: true) }
                sealing = try sealing?.reloaded(store: store)
                folders = roots.map { GroupFolder(root: $0, group: group, sealing: sealing) }
            }
            report.lockedFiles = 0
            for folder in folders { try FolderImport(store: store, folder: folder).run(into: &report) }
            if try store.rowsWrittenHere() == untouched { return folders }
            learned = try FolderSealing.learnKeys(store: store, device: device, group: group, remembering: true)
            round += 1
            if report.lockedFiles == 0 || learned == 0 { break }
        }
        // What was read may have started a newer epoch: the export seals under it.
        sealing = try sealing?.reloaded(store: store)
        return roots.map { GroupFolder(root: $0, group: group, sealing: sealing) }
    }

    /// Before signing a new change: takes in the profile's own newer changes from the folders
    /// (a profile restored from a backup), so that it continues its feed instead of forking it.
    public func adoptOwnFeed(_ feed: FeedID, folders: [String]) throws -> SyncReport {
        guard let group = try store.groupID() else { throw StoreError.noGroup }
        var report = SyncReport()
        let sealing = try FolderSealing.load(store: store, device: device)
        for root in folders where FileStatus(path: root)?.isDirectory == true {
            try FolderImport(store: store, folder: GroupFolder(root: root, group: group, sealing: sealing), only: feed).run(into: &report)
        }
        return report
    }
}
