import Foundation
import IntersessionCore
import IntersessionStore

/// Before a folder is read: the files remembered as read or written there are looked at (one
/// `stat` each, never a read). One gone or changed since no longer counts as holding its range:
/// it is forgotten and its feed folder listed again, so a changed file is read (and, if bad,
/// reported) once and the range written anew by whoever holds it.
///
/// A file added, removed or renamed changes its feed folder's time, so every file of a folder
/// whose time moved is looked at. A file rewritten in place leaves the folder's time alone:
/// those are found by a window of `windowSize` other files that moves on at each sync, so that
/// every file is looked at within a few syncs while a sync with nothing new stays as cheap at a
/// million changes as at a thousand (issue 14).
struct SeenFileCheck {
    let store: AppDatabase
    let folder: GroupFolder
    static let windowSize = 64

    /// What the check found: the files still as remembered in the feed folders whose time moved
    /// (by feed hex, then name), and the feed folders to list again although their time did not.
    struct Outcome {
        var unchanged: [String: [String: SeenFile]] = [:]
        var relisted: Set<String> = []
    }

    /// `feedsByFolder`: the feeds the log knows, by the name of their folder here;
    /// `mtimes`: each feed folder's time when last listed.
    func run(only: FeedID?, feedsByFolder: [String: FeedID], mtimes: [String: Int64], into report: inout SyncReport) throws -> Outcome {
        var outcome = Outcome()
        var changed: [SeenFile] = []
        var moved: Set<String> = []
        for (name, feed) in feedsByFolder where only == nil || only == feed {
            guard Self.hasMoved(folder.feedsPath + "/" + name, since: mtimes[name]) else { continue }
            moved.insert(feed.hex)
            for file in try store.seenFiles(folder.root, feed: feed.hex) {
                if isUnchanged(file, in: name) { outcome.unchanged[feed.hex, default: [:]][file.name] = file } else { changed.append(file) }
            }
        }
        if only == nil {
            let folderNames = Dictionary(feedsByFolder.map { ($0.value.hex, $0.key) }, uniquingKeysWith: { first, _ in first })
            changed += try windowChanges(skipping: moved, folderNames: folderNames, into: &report)
        }
        guard !changed.isEmpty else { return outcome }
        try store.forgetFiles(folder.root, changed)
        // A file changed in place leaves its folder's time as it was: list the folder again,
        // knowing its other files as remembered.
        for feed in Set(changed.compactMap { FeedID(hex: $0.feed) }) {
            let name = folder.feedFolderName(feed)
            try store.setFolderMtime(folder.root, key: name, mtime: -1)
            outcome.relisted.insert(name)
            guard !moved.contains(feed.hex) else { continue }
            for file in try store.seenFiles(folder.root, feed: feed.hex) { outcome.unchanged[feed.hex, default: [:]][file.name] = file }
        }
        // Files remembered before their size and time were (v10) are read again, not reported.
        report.changedFiles += changed.filter { $0.size >= 0 }.count
        return outcome
    }

    /// The files of the window that changed, the window moved on past what it looked at.
    private func windowChanges(skipping moved: Set<String>, folderNames: [String: String], into report: inout SyncReport) throws -> [SeenFile] {
        let key = "seen-check:" + folder.root
        let start = SeenFileCursor(setting: try store.setting(key))
        var window = try store.seenFiles(folder.root, after: start, limit: Self.windowSize)
        if window.count < Self.windowSize, start != nil {
            // Round again from the first file, up to where this window began.
            window += try store.seenFiles(folder.root, after: nil, limit: Self.windowSize - window.count)
                .filter { file in start.map { (file.feed, file.name) <= ($0.feed, $0.name) } ?? true }
        }
        let changed = window.filter { file in
            guard !moved.contains(file.feed) else { return false }
            let name = folderNames[file.feed] ?? FeedID(hex: file.feed).map(folder.feedFolderName) ?? file.feed
            return !isUnchanged(file, in: name)
        }
        // Written when the sync ends (`SyncEngine.sync`): a round's own bookkeeping must not
        // look like news to the engine, which reloads keys only after a round that wrote.
        report.windowCursors[key] = window.last.map { SeenFileCursor(feed: $0.feed, name: $0.name).setting } ?? ""
        return changed
    }

    private func isUnchanged(_ file: SeenFile, in feedFolder: String) -> Bool {
        guard let status = FileStatus(entry: folder.feedsPath + "/" + feedFolder + "/" + file.name) else { return false }
        return !status.isDirectory && status.size == file.size && status.mtime == file.mtime
    }

    /// Whether a feed folder's time is not the one remembered. A folder neither listed nor
    /// present (a feed this folder does not carry) has nothing to look at but what the window
    /// finds.
    static func hasMoved(_ path: String, since remembered: Int64?) -> Bool {
        let status = FileStatus(entry: path)
        guard let remembered else { return status != nil }
        guard remembered >= 0, let status, status.isDirectory else { return true }
        return status.mtime != remembered
    }
}
