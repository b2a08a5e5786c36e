import Foundation
import IntersessionCore
import IntersessionStore

/// Reads the segment files of one group folder that this replica has not read yet. Folders
/// whose modification time has not moved since the last read are not even listed, so a sync
/// with nothing new costs the same however long the log is.
struct FolderImport {
    let store: AppDatabase
    let folder: GroupFolder
    var only: FeedID?

    init(store: AppDatabase, folder: GroupFolder, only: FeedID? = nil) {
        self.store = store
        self.folder = folder
        self.only = only
    }

    static let feedsKey = "*"
    /// A file without a trailer is taken for a copy in progress for this long after it last
    /// changed; after that it is reported once as truncated or not a segment.
    static let copyingNanoseconds: Double = 120e9

    func run(into report: inout SyncReport) throws {
        try store.catchUpSearchIndex()
        if let link = folder.firstLink(to: folder.feedsPath) { return try reportOnce(link, FolderEntry.linkReason, into: &report) }
        guard let feedsStatus = FileStatus(path: folder.feedsPath), feedsStatus.isDirectory else { return }
        let root = folder.root
        let feedsByFolder = try knownFeedsByFolder()
        var mtimes = try store.folderMtimes(root)
        let check = try SeenFileCheck(store: store, folder: folder).run(only: only, feedsByFolder: feedsByFolder, mtimes: mtimes, into: &report)
        for name in check.relisted { mtimes[name] = -1 }
        let seen = check.unchanged
        let now = Int64(Date().timeIntervalSince1970 * 1e9)

        var feedNames = Set(mtimes.keys).subtracting([Self.feedsKey])
        let listFeeds = mtimes[Self.feedsKey] != feedsStatus.mtime
        if listFeeds {
            for name in Files.list(folder.feedsPath) {
                if folder.isFeedFolderName(name) {
                    feedNames.insert(name)
                } else if !name.hasPrefix(".") {
                    try reportOnce(folder.feedsPath + "/" + name, "not a feed folder; ignored", into: &report)
                }
            }
        }
        var evidence = ConflictEvidence(store: store, folder: folder)
        var listing = try list(feedNames, feedsByFolder: feedsByFolder, mtimes: mtimes, seen: seen, now: now, evidence: &evidence,
                               into: &report)
        let outcomes = try importSegments(listing.plans, into: &report)
        listing.unsettled.formUnion(outcomes.unsettled)
        for (name, mtime) in listing.times {
            // -1: known, but to be listed again (its content was not all read, or too fresh).
            try store.setFolderMtime(root, key: name, mtime: listing.unsettled.contains(name) ? -1 : mtime)
        }
        if listFeeds, only == nil, now - feedsStatus.mtime > SyncEngine.settleNanoseconds {
            try store.setFolderMtime(root, key: Self.feedsKey, mtime: feedsStatus.mtime)
        }
        // After the segments: evidence is compared with the changes they brought.
        try evidence.consider(into: &report)
    }

    /// The feed folders changed since they were last read, each with the segment files in it
    /// not read yet; stray entries are reported and conflict copies read as evidence on the way.
    private func list(_ feedNames: Set<String>, feedsByFolder: [String: FeedID], mtimes: [String: Int64], seen: [String: [String: SeenFile]],
                      now: Int64, evidence: inout ConflictEvidence, into report: inout SyncReport) throws -> Listing {
        var listing = Listing()
        // The feeds the log knows first (in a fresh replica, the founder's): their roles come
        // before what the others signed under them.
        let order = feedNames.sorted { (feedsByFolder[$0] == nil ? 1 : 0, $0) < (feedsByFolder[$1] == nil ? 1 : 0, $1) }
        for name in order {
            // A sealed folder's name is known for the feeds the log names; another is a feed
            // not yet known here, learned from its first segment.
            let feed = feedsByFolder[name] ?? (folder.sealing == nil ? FeedID(hex: name) : nil)
            guard folder.isFeedFolderName(name), only == nil || (feed != nil && only == feed) else { continue }
            let path = folder.feedsPath + "/" + name
            guard let status = FileStatus(entry: path) else { continue }
            if status.isSymbolicLink { try reportOnce(path, FolderEntry.linkReason, into: &report) }
            guard status.isDirectory, mtimes[name] != status.mtime else { continue }
            if now - status.mtime <= SyncEngine.settleNanoseconds { listing.unsettled.insert(name) }
            var plan = FeedPlan(name: name, feed: feed, files: [])
            for entry in Files.list(path).sorted() where feed.flatMap({ seen[$0.hex]?[entry] }) == nil {
                switch FolderEntry(name: entry, in: path) {
                case .temporary:
                    StaleTemporary.removeIfStale(entry, in: path, now: now)
                case .stray(let reason):
                    try reportOnce(path + "/" + entry, reason, into: &report)
                case .conflictCopy:
                    guard let feed else { listing.unsettled.insert(name); continue }
                    if try !evidence.read(entry, of: feed, report: &report) { listing.unsettled.insert(name) }
                case .segment(let segment):
                    plan.files.append(segment)
                }
            }
            listing.plans.append(plan)
            listing.times[name] = status.mtime
        }
        return listing
    }

    /// Reads the planned segment files in a `CausalMerge`, in transactions of about
    /// `SyncEngine.batchSize` changes, remembering what each commit read. A file that fails
    /// half read is reported and the merge starts again without it and without what is done.
    private func importSegments(_ plans: [FeedPlan], into report: inout SyncReport) throws -> MergeOutcomes {
        var done = MergeOutcomes()
        guard plans.contains(where: { !$0.files.isEmpty }) else { return done }
        // A store's first import indexes its posts for search at the end, all at once. Should
        // that fail, the store says the index is behind, and the next sync or search catches up.
        if try store.leaveSearchIndexBehindIfEmpty() {
            defer { try? store.catchUpSearchIndex() }
            return try mergeSegments(plans, into: &report, done: &done)
        }
        return try mergeSegments(plans, into: &report, done: &done)
    }

    private func mergeSegments(_ plans: [FeedPlan], into report: inout SyncReport, done: inout MergeOutcomes) throws -> MergeOutcomes {
        while true {
            let left = plans.map { plan in
                FeedPlan(name: plan.name, feed: plan.feed, files: plan.files.filter {
                    !done.opened.contains(folder.feedsPath + "/" + plan.name + "/" + $0.fileName)
                })
            }
            var merge = CausalMerge(plans: left, folder: folder, heads: try store.feedProgress().mapValues(\.head),
                                    reported: try store.reportedFiles(under: folder.feedsPath), batchSize: SyncEngine.batchSize)
            var pending: PendingChanges?
            do {
                repeat {
                    let applied = try store.apply(drawing: { try merge.next() }, carrying: &pending)
                    report.absorb(applied)
                    if applied.applied > 0 { report.importedFeeds.formUnion(merge.outcomes.feeds) }
                    try record(merge.outcomes, into: &report, done: &done)
                    merge.outcomes = MergeOutcomes()
                } while !merge.isExhausted
                return done
            } catch let failure as CausalMerge.Failure {
                try reportRejected(failure, into: &report)
                done.opened.insert(failure.path)
            }
        }
    }

    /// What a committed transaction read: files remembered, bad ones reported, counts kept.
    private func record(_ outcomes: MergeOutcomes, into report: inout SyncReport, done: inout MergeOutcomes) throws {
        try store.rememberFiles(folder.root, outcomes.read)
        for (path, reason) in outcomes.rejected {
            report.rejectedFiles += 1
            try reportOnce(path, reason, into: &report)
        }
        for (path, reason) in outcomes.failedReads { report.failedToRead(path, reason: reason) }
        report.incompleteFiles += outcomes.incomplete
        report.lockedFiles += outcomes.locked
        done.unsettled.formUnion(outcomes.unsettled)
        done.opened.formUnion(outcomes.opened)
    }

    /// A file refused half read, reported as a whole reading names what is wrong with it.
    private func reportRejected(_ failure: CausalMerge.Failure, into report: inout SyncReport) throws {
        var reason = "\(failure.error)"
        if let bytes = try? folder.read(failure.path, limit: SegmentFormat.maximumFileBytes) {
            do { _ = try folder.decodeSegment(bytes, feed: nil, name: nil) } catch { reason = "\(error)" }
        }
        report.rejectedFiles += 1
        try reportOnce(failure.path, reason, into: &report)
    }

    /// Every feed the log names (members, redeemers, invite keys), by the name of its folder here.
    private func knownFeedsByFolder() throws -> [String: FeedID] {
        let feeds = Set(try store.feedProgress().keys).union(try store.agreementKeys().keys)
        return Dictionary(feeds.map { (folder.feedFolderName($0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether a file changed recently enough to be a copy still in progress.
    static func isFresh(_ status: FileStatus) -> Bool {
        Date().timeIntervalSince1970 * 1e9 - Double(status.mtime) < copyingNanoseconds
    }

    func reportOnce(_ path: String, _ reason: String, into report: inout SyncReport) throws {
        try Self.reportOnce(path, reason, store: store, into: &report)
    }

    /// Records a bad file and puts it in the report, unless this exact file (same size and
    /// time) was reported before. A link is known by its own size and time, never its target's:
    /// the real file put back in its place is a new file, and read.
    static func reportOnce(_ path: String, _ reason: String, store: AppDatabase, into report: inout SyncReport) throws {
        let status = FileStatus(entry: path)
        let size = status?.size ?? -1, mtime = status?.mtime ?? -1
        guard try !store.wasReported(path: path, size: size, mtime: mtime) else { return }
        try store.recordBadFile(path: path, size: size, mtime: mtime, reason: reason)
        report.problems.append(.init(path: path, reason: reason))
    }
}

/// The feed folders an import reads: their segment files, their times, and those whose time
/// must not be kept (something in them was not read).
struct Listing {
    var plans: [FeedPlan] = []
    var times: [String: Int64] = [:]
    var unsettled: Set<String> = []
}
