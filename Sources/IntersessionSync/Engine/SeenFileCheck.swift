import Foundation
import IntersessionCore
import IntersessionStore

/// Before a folder is read: each file remembered as read or written there is looked at (one
/// `stat`, never a read). One gone or changed since no longer counts as holding its range: it
/// is forgotten and its feed folder listed again, so a changed file is read (and, if bad,
/// reported) once and the range written anew by whoever holds it.
struct SeenFileCheck {
    let store: AppDatabase
    let folder: GroupFolder

    /// The files still as remembered, by feed hex and then name. `folderNames`: the feed
    /// folders' names already known (a sealed folder's names are HMACs, each made once).
    func run(only: FeedID?, folderNames: [FeedID: String] = [:], into report: inout SyncReport) throws -> [String: [String: SeenFile]] {
        var unchanged: [String: [String: SeenFile]] = [:]
        var changed: [SeenFile] = []
        var feedPaths: [String: String] = [:]
        for file in try store.seenFiles(folder.root) where only == nil || only?.hex == file.feed {
            guard let feed = FeedID(hex: file.feed) else { continue }
            let feedPath = feedPaths[file.feed] ?? folder.feedsPath + "/" + (folderNames[feed] ?? folder.feedFolderName(feed))
            feedPaths[file.feed] = feedPath
            let status = FileStatus(entry: feedPath + "/" + file.name)
            if let status, !status.isDirectory, status.size == file.size, status.mtime == file.mtime {
                unchanged[file.feed, default: [:]][file.name] = file
            } else {
                changed.append(file)
            }
        }
        guard !changed.isEmpty else { return unchanged }
        try store.forgetFiles(folder.root, changed)
        // A file changed in place leaves its folder's time as it was: list the folder again.
        for feed in Set(changed.compactMap { FeedID(hex: $0.feed) }) {
            try store.setFolderMtime(folder.root, key: folder.feedFolderName(feed), mtime: -1)
        }
        // Files remembered before their size and time were (v10) are read again, not reported.
        report.changedFiles += changed.filter { $0.size >= 0 }.count
        return unchanged
    }
}
