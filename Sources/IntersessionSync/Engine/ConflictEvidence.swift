import Foundation
import IntersessionCore
import IntersessionStore

/// A sync tool's conflict copies in a feed folder (`*.sync-conflict-*`, `* (conflicted copy*`):
/// two writers of one segment name, the loser's file renamed. Read only for fork evidence: each
/// is verified as a segment (its header names its range, its name is not the strict pattern),
/// then each change is compared with the change logged at its seq; a validly signed different
/// one freezes the feed as a fork does. Nothing in it is ever applied as a change. Each copy is
/// read once (remembered by name, size and time) once every change in it could be compared.
struct ConflictEvidence {
    let store: AppDatabase
    let folder: GroupFolder
    private var read: [(file: SeenFile, changes: [SignedChange])] = []

    init(store: AppDatabase, folder: GroupFolder) {
        self.store = store
        self.folder = folder
    }

    /// Reads one conflict copy for later comparison. Returns false when it is still being copied.
    mutating func read(_ name: String, of feed: FeedID, report: inout SyncReport) throws -> Bool {
        let path = folder.feedPath(feed) + "/" + name
        guard let status = FileStatus(entry: path), !status.isDirectory else { return false }
        if try store.wasReported(path: path, size: status.size, mtime: status.mtime) { return true }
        do {
            guard status.size <= Int64(SegmentFormat.maximumFileBytes) else { throw SegmentError.tooLarge(Int(status.size)) }
            let bytes = try folder.read(path, limit: SegmentFormat.maximumFileBytes)
            let changes = try folder.decodeSegment(bytes, feed: feed, name: nil).changes
            let range = SeqRange(first: changes.first!.seq, last: changes.last!.seq)
            read.append((SeenFile(feed: feed.hex, name: name, range: range, size: status.size, mtime: status.mtime, covers: false),
                         changes))
            report.evidenceFiles += 1
            return true
        } catch SegmentError.incomplete where FolderImport.isFresh(status) {
            report.incompleteFiles += 1
            return false
        } catch SegmentError.sealedForOtherKey {
            // Sealed under an epoch not opened here yet: read again once its key arrives.
            report.lockedFiles += 1
            return false
        } catch FolderError.readFailed(let path, let why) {
            report.failedToRead(path, why)
            return false
        } catch {
            report.rejectedFiles += 1
            try FolderImport.reportOnce(path, "a conflict copy made by a sync tool, unreadable: \(error)", store: store, into: &report)
            return true
        }
    }

    /// Compares what was read with the log. A copy whose changes could not all be compared
    /// (nothing logged yet at some seq of a feed not frozen) is read again at the next sync.
    mutating func consider(into report: inout SyncReport) throws {
        defer { read = [] }
        for (file, changes) in read {
            let outcome = try store.considerForkEvidence(changes)
            report.forks += outcome.forks
            report.pending = outcome.pending
            let feed = FeedID(hex: file.feed)
            let frozen = try feed.flatMap { try store.feedProgress()[$0]?.frozenFrom } != nil
            if outcome.uncompared == 0 || frozen {
                try store.rememberFiles(folder.root, [file])
            } else {
                try store.setFolderMtime(folder.root, key: feed.map(folder.feedFolderName) ?? file.feed, mtime: -1)
            }
        }
    }
}
