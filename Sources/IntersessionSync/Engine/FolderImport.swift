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
        if let link = folder.firstLink(to: folder.feedsPath) { return try reportOnce(link, FolderEntry.linkReason, into: &report) }
        guard let feedsStatus = FileStatus(path: folder.feedsPath), feedsStatus.isDirectory else { return }
        let root = folder.root
        let seen = try SeenFileCheck(store: store, folder: folder).run(only: only, into: &report)
        let mtimes = try store.folderMtimes(root)
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
        var batch = ImportBatch()
        var evidence = ConflictEvidence(store: store, folder: folder)
        let feedsByFolder = try knownFeedsByFolder()
        // The feeds the log knows first (in a fresh replica, the founder's): their roles and
        // threads are what the others' changes depend on, and a change read before what it
        // depends on waits in the log, to be read and parsed again by every later batch.
        let order = feedNames.sorted { (feedsByFolder[$0] == nil ? 1 : 0, $0) < (feedsByFolder[$1] == nil ? 1 : 0, $1) }
        for name in order {
            // A sealed folder's name is known for the feeds the log names; another is a feed
            // not yet known here, learned from its first segment.
            let feed = feedsByFolder[name] ?? (folder.sealing == nil ? FeedID(hex: name) : nil)
            guard folder.isFeedFolderName(name), only == nil || (feed != nil && only == feed) else { continue }
            let path = folder.feedsPath + "/" + name
            guard let status = FileStatus(entry: path) else { continue }
            if status.isSymbolicLink { try reportOnce(path, FolderEntry.linkReason, into: &report) }
            guard status.isDirectory else { continue }
            guard mtimes[name] != status.mtime else { continue }
            var settled = now - status.mtime > SyncEngine.settleNanoseconds
            for entry in Files.list(path).sorted() where feed.flatMap({ seen[$0.hex]?[entry] }) == nil {
                switch FolderEntry(name: entry, in: path) {
                case .temporary:
                    continue
                case .stray(let reason):
                    try reportOnce(path + "/" + entry, reason, into: &report)
                case .conflictCopy:
                    guard let feed else { settled = false; continue }
                    if try !evidence.read(entry, of: feed, report: &report) { settled = false }
                case .segment(let segment):
                    if try !read(segment, in: name, of: feed, into: &batch, report: &report) { settled = false }
                }
                if batch.changes.count >= SyncEngine.batchSize { try batch.apply(to: store, folder: root, report: &report) }
            }
            // -1: known, but to be listed again (its content was not all read, or too fresh).
            batch.folderTimes[name] = settled ? status.mtime : -1
        }
        if listFeeds, only == nil, now - feedsStatus.mtime > SyncEngine.settleNanoseconds {
            batch.folderTimes[Self.feedsKey] = feedsStatus.mtime
        }
        try batch.apply(to: store, folder: root, report: &report)
        // After the segments: evidence is compared with the changes they brought.
        try evidence.consider(into: &report)
    }

    /// Reads one segment of the feed folder `folderName` into the batch. Returns false when the
    /// file is still being copied, or sealed for a key not held yet.
    private func read(_ segment: SegmentName, in folderName: String, of feed: FeedID?, into batch: inout ImportBatch,
                      report: inout SyncReport) throws -> Bool {
        let path = folder.feedsPath + "/" + folderName + "/" + segment.fileName
        guard let status = FileStatus(entry: path) else { return false }
        if try store.wasReported(path: path, size: status.size, mtime: status.mtime) { return true }
        do {
            guard status.size <= Int64(SegmentFormat.maximumFileBytes) else { throw SegmentError.tooLarge(Int(status.size)) }
            let bytes = try folder.read(path, limit: SegmentFormat.maximumFileBytes)
            let decoded = try folder.decodeSegment(bytes, feed: feed, name: segment)
            let author = decoded.changes[0].author
            guard folder.feedFolderName(author) == folderName else {
                throw SegmentError.badHeader("names feed \(author.short), but is in another feed's folder")
            }
            let range = SeqRange(first: segment.firstSeq, last: segment.lastSeq)
            batch.add(decoded.changes, file: SeenFile(feed: author.hex, name: segment.fileName, range: range,
                                                       size: status.size, mtime: status.mtime, covers: true))
            return true
        } catch SegmentError.incomplete where Self.isFresh(status) {
            report.incompleteFiles += 1
            return false
        } catch SegmentError.sealedForOtherKey {
            report.lockedFiles += 1
            return false
        } catch {
            report.rejectedFiles += 1
            try reportOnce(path, "\(error)", into: &report)
            return true
        }
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

/// Changes read from a folder, applied together so that dependencies across feeds resolve in
/// one transaction; what was read is remembered only once it is applied.
struct ImportBatch {
    var changes: [SignedChange] = []
    var files: [SeenFile] = []
    var feeds: Set<FeedID> = []
    var folderTimes: [String: Int64] = [:]
    /// What still waits after the batches applied so far: carried by row, never read again.
    var pending: PendingChanges?

    mutating func add(_ read: [SignedChange], file: SeenFile) {
        changes += read
        files.append(file)
        if let feed = read.first?.author { feeds.insert(feed) }
    }

    mutating func apply(to store: AppDatabase, folder: String, report: inout SyncReport) throws {
        if !changes.isEmpty {
            let applied = try store.apply(changes, carrying: &pending)
            report.absorb(applied)
            if applied.applied > 0 { report.importedFeeds.formUnion(feeds) }
        }
        try store.rememberFiles(folder, files)
        for (key, mtime) in folderTimes { try store.setFolderMtime(folder, key: key, mtime: mtime) }
        self = ImportBatch(pending: pending)
    }
}
