import Foundation
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

/// A sync with nothing new looks at the files of the feed folders whose time moved and at a
/// window of the others, and at no feed the folder already holds whole, so that it costs the
/// same at a million changes as at a thousand; what it leaves for later syncs is still found
/// (issue 14).
@Suite struct QuietSyncTests {
    /// The secretariat and a delegate sharing one folder, the delegate's feed in `files` files.
    func peers(_ temp: TemporaryFolder, files: Int) throws -> (Replica, Replica, GroupFolder) {
        var replicas = try Group.make(in: temp, members: 1)
        replicas[1].folders = replicas[0].folders
        for _ in 0..<2 { for replica in replicas { _ = try replica.sync() } }
        for index in 0..<files {
            _ = try replicas[1].post("Post \(index)", now: 1_790_000_500_000 + Int64(index) * 1000)
            _ = try replicas[1].sync()
        }
        _ = try replicas[0].sync()
        return (replicas[0], replicas[1], GroupFolder(root: replicas[0].folders[0], group: try replicas[0].store.groupID()!))
    }

    func segments(_ folder: GroupFolder, _ feed: FeedID) -> [String] {
        Files.list(folder.feedPath(feed)).filter { SegmentName(fileName: $0) != nil }.sorted()
    }

    /// Puts a folder's time back as it was, as a tool that rewrites a file in place leaves it.
    func setTime(_ path: String, to time: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: path)
    }

    @Test func aFileRewrittenInPlaceAmongManyIsFoundWithinAFewSyncs() throws {
        let temp = TemporaryFolder()
        let files = SeenFileCheck.windowSize + 20
        let (secretariat, delegate, folder) = try peers(temp, files: files)
        _ = try secretariat.sync()
        let feedPath = folder.feedPath(delegate.key.feed)
        let path = feedPath + "/" + segments(folder, delegate.key.feed)[files / 2]
        let folderTime = try FileManager.default.attributesOfItem(atPath: feedPath)[.modificationDate] as! Date
        var bytes = try Files.read(path, limit: 1 << 20)
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try setTime(feedPath, to: folderTime)
        // The store remembers about `files` + 2 files here: the window covers them in three syncs.
        var changed = 0, reported: [String] = []
        for _ in 0..<3 {
            let report = try secretariat.sync()
            changed += report.changedFiles
            reported += report.problems.map(\.path)
        }
        #expect(changed == 1)
        #expect(reported == [path])
        try expectNewcomerReaches(secretariat, from: folder, temp)
    }

    @Test func aFileRemovedWithItsFolderTimePutBackIsWrittenAgain() throws {
        let temp = TemporaryFolder()
        let files = SeenFileCheck.windowSize + 10
        let (secretariat, delegate, folder) = try peers(temp, files: files)
        let feedPath = folder.feedPath(delegate.key.feed)
        let lost = segments(folder, delegate.key.feed)[3]
        let folderTime = try FileManager.default.attributesOfItem(atPath: feedPath)[.modificationDate] as! Date
        try FileManager.default.removeItem(atPath: feedPath + "/" + lost)
        try setTime(feedPath, to: folderTime)
        var exported = 0
        for _ in 0..<3 { exported += try secretariat.sync().exportedFiles }
        #expect(exported >= 1)
        #expect(segments(folder, delegate.key.feed).contains(lost))
        try expectNewcomerReaches(secretariat, from: folder, temp)
    }

    @Test func anExportRemembersTheFeedsItFoundWholeAndForgetsOneLosingAFile() throws {
        let temp = TemporaryFolder()
        let (secretariat, delegate, folder) = try peers(temp, files: 3)
        _ = try secretariat.sync()
        let head = try secretariat.store.feedProgress()[delegate.key.feed]!.head
        #expect(try secretariat.store.exportedHeads(folder.root)[delegate.key.feed.hex] == head)
        try FileManager.default.removeItem(atPath: folder.feedPath(delegate.key.feed) + "/" + segments(folder, delegate.key.feed)[1])
        let report = try secretariat.sync()
        #expect(report.changedFiles == 1 && report.exportedFiles == 1)
        #expect(try secretariat.store.exportedHeads(folder.root)[delegate.key.feed.hex] == head)
        #expect(try secretariat.sync().exportedFiles == 0)
    }

    func expectNewcomerReaches(_ replica: Replica, from folder: GroupFolder, _ temp: TemporaryFolder) throws {
        let fresh = try newcomer(from: folder.root, genesis: try replica.store.genesis()!, in: temp)
        #expect(try fresh.pendingCount() == 0)
        #expect(try fresh.stateDigest() == replica.store.stateDigest())
    }
}
