import Foundation
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

@Suite struct SyncEngineTests {
    /// A secretariat and a delegate sharing one folder, the delegate having posted a thread.
    func twoPeers(_ temp: TemporaryFolder) throws -> (Replica, Replica, GroupFolder) {
        var replicas = try Group.make(in: temp, members: 1)
        replicas[1].folders = replicas[0].folders
        let topic = EntityID(hex: try replicas[1].store.resolve("flows", as: .topic))!
        _ = try replicas[1].store.author(
            ops: [.threadCreate(ThreadCreate(topic: topic, title: "Parcels", body: "Figures?", language: .en))],
            references: [topic], key: replicas[1].key, now: 1_790_000_500_000)
        _ = try replicas[1].sync()
        _ = try replicas[0].sync()
        return (replicas[0], replicas[1], GroupFolder(root: replicas[0].folders[0], group: try replicas[0].store.groupID()!))
    }

    func write(_ bytes: [UInt8], _ path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    @Test func bothSeeEachOtherAndTheThread() throws {
        let temp = TemporaryFolder()
        let (secretariat, delegate, _) = try twoPeers(temp)
        #expect(try secretariat.store.members().count == 2)
        #expect(try secretariat.store.threads(topic: nil).map(\.title) == ["Parcels"])
        #expect(try secretariat.store.stateDigest() == delegate.store.stateDigest())
        let quiet = try secretariat.sync()
        #expect(quiet.exportedChanges == 0 && quiet.importedChanges == 0 && quiet.problems.isEmpty)
    }

    @Test func badFilesAreReportedOnceAndChangeNothing() throws {
        let temp = TemporaryFolder()
        let (secretariat, delegate, folder) = try twoPeers(temp)
        let feedPath = folder.feedPath(delegate.key.feed)
        let good = try Files.read(feedPath + "/" + Files.list(feedPath).sorted()[0], limit: 1 << 20)
        var flipped = good
        flipped[good.count / 2] ^= 0x01
        write(flipped, feedPath + "/000000000004-000000000005.seg")
        write(Array(good.prefix(good.count / 2)), feedPath + "/000000000002-000000000002.seg")
        write(Array(good.prefix(good.count / 3)), feedPath + "/000000000006-000000000006.seg")
        let longAgo = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: feedPath + "/000000000006-000000000006.seg")
        write(Array("junk\n".utf8) + good.suffix(80), feedPath + "/000000000003-000000000003.seg")
        write(good, feedPath + "/000000000001-000000000001.sync-conflict-20261129-120000-ABCDEFG.seg")
        write(good, feedPath + "/000000000001-000000000001 (conflicted copy).seg")
        write(good, feedPath + "/notes.txt")
        write(good, feedPath + "/.syncthing.000000000004-000000000004.seg.tmp")
        write(good, feedPath + "/~$000000000004.seg")
        let digest = try secretariat.store.stateDigest()

        let first = try secretariat.sync()
        let reported = Set(first.problems.map { ($0.path as NSString).lastPathComponent })
        // Conflict copies are read for fork evidence: these hold the same change, so say nothing.
        #expect(reported == ["000000000004-000000000005.seg", "000000000003-000000000003.seg", "000000000006-000000000006.seg",
                             "notes.txt"])
        #expect(first.evidenceFiles == 2)
        #expect(first.forks.isEmpty)
        #expect(first.problems.first { $0.path.hasSuffix("0004-000000000005.seg") }?.reason.contains("checksum") == true)
        #expect(first.incompleteFiles == 1)
        #expect(first.rejectedFiles == 3)
        #expect(try secretariat.store.stateDigest() == digest)

        let second = try secretariat.sync()
        #expect(second.problems.isEmpty)
        #expect(second.evidenceFiles == 0)
        #expect(try secretariat.store.stateDigest() == digest)
    }

    @Test func anotherGroupsFilesAreRefused() throws {
        let temp = TemporaryFolder()
        let (secretariat, delegate, folder) = try twoPeers(temp)
        let strangerFolder = TemporaryFolder()
        let stranger = try Group.make(in: strangerFolder, members: 0)[0]
        let theirs = try stranger.store.changes(of: stranger.key.feed, in: 1...1)
        let path = folder.feedPath(delegate.key.feed) + "/000000000005-000000000005.seg"
        write(SegmentFormat.encode(theirs, group: try stranger.store.groupID()!), path)
        let digest = try secretariat.store.stateDigest()
        let report = try secretariat.sync()
        #expect(report.problems.map(\.path) == [path])
        #expect(report.problems.first?.reason == "belongs to another group")
        #expect(try secretariat.store.stateDigest() == digest)
    }

    @Test func aForkInTheFolderFreezesTheFeed() throws {
        let temp = TemporaryFolder()
        let (secretariat, delegate, folder) = try twoPeers(temp)
        let logged = try delegate.store.changes(of: delegate.key.feed, in: 1...2)
        let variant = ChangeBody(group: logged[1].body.group, author: delegate.key.feed, seq: 2, prev: logged[0].hash,
                                 hlc: HLC(millis: 1_790_000_600_000, counter: 0),
                                 ops: [.memberProfile(MemberProfile(name: "Someone else", organisation: "X", language: .en))])
        // The other variant travels in another folder (a file of the same name cannot sit beside the first).
        let elsewhere = temp.sub("usb-stick")
        let other = GroupFolder(root: elsewhere, group: folder.group)
        try FileManager.default.createDirectory(atPath: other.feedPath(delegate.key.feed), withIntermediateDirectories: true)
        write(SegmentFormat.encode([SignedChange(signing: variant, with: delegate.key)], group: folder.group),
              other.segmentPath(delegate.key.feed, SegmentName(firstSeq: 2, lastSeq: 2)!))
        let report = try SyncEngine(store: secretariat.store).sync(folders: [folder.root, elsewhere])
        #expect(report.forks.map(\.seq) == [2])
        #expect(try secretariat.store.threads(topic: nil).isEmpty)
        #expect(try secretariat.store.feedProgress()[delegate.key.feed]?.frozenFrom == 2)
    }

    @Test func aReplyWaitsForItsThreadAcrossSyncs() throws {
        let temp = TemporaryFolder()
        let replicas = try Group.make(in: temp, members: 2)
        for replica in replicas { _ = try replica.sync() }
        try FolderCopy.all(from: replicas[0].folders[0], to: replicas[1].folders[0])
        try FolderCopy.all(from: replicas[0].folders[0], to: replicas[2].folders[0])
        try FolderCopy.all(from: replicas[1].folders[0], to: replicas[2].folders[0])
        _ = try replicas[2].sync()
        let topic = EntityID(hex: try replicas[1].store.resolve("risk", as: .topic))!
        let thread = try replicas[1].store.author(
            ops: [.threadCreate(ThreadCreate(topic: topic, title: "Risk", body: "Data?", language: .en))],
            references: [topic], key: replicas[1].key, now: 1_790_000_700_000)
        _ = try replicas[1].sync()
        try FolderCopy.all(from: replicas[1].folders[0], to: replicas[0].folders[0])
        _ = try replicas[0].sync()
        let root = thread.entity(0)
        _ = try replicas[0].store.author(
            ops: [.postCreate(PostCreate(thread: root, parent: root, body: "Here.", language: .en))],
            references: [root], key: replicas[0].key, now: 1_790_000_800_000)
        _ = try replicas[0].sync()
        // Replica 2 gets the reply's file before the thread's.
        let replyFeed = GroupFolder(root: replicas[0].folders[0], group: thread.body.group!).feedPath(replicas[0].key.feed)
        let target = GroupFolder(root: replicas[2].folders[0], group: thread.body.group!)
        for file in Files.list(replyFeed) {
            try FolderCopy.copy(file, from: replyFeed, to: target.feedPath(replicas[0].key.feed))
        }
        #expect(try replicas[2].sync().pending == 1)
        try FolderCopy.all(from: replicas[1].folders[0], to: replicas[2].folders[0])
        let report = try replicas[2].sync()
        #expect(report.pending == 0)
        #expect(try replicas[2].store.thread(root.hex).posts.map(\.body) == ["Data?", "Here."])
    }

    @Test func aRestoredBackupAdoptsItsOwnNewerChanges() throws {
        let temp = TemporaryFolder()
        let (_, delegate, _) = try twoPeers(temp)
        let backup = temp.path + "/backup"
        try FileManager.default.copyItem(atPath: delegate.home.folder.path, toPath: backup)
        let topic = EntityID(hex: try delegate.store.resolve("risk", as: .topic))!
        _ = try delegate.store.author(
            ops: [.threadCreate(ThreadCreate(topic: topic, title: "After the backup", body: "New", language: .en))],
            references: [topic], key: delegate.key, now: 1_790_000_900_000)
        _ = try delegate.sync()

        let restored = try ProfileHome(folder: URL(fileURLWithPath: backup)).openStore()
        let head = try restored.feedProgress()[delegate.key.feed]!.head
        let adopted = try SyncEngine(store: restored).adoptOwnFeed(delegate.key.feed, folders: delegate.folders)
        #expect(adopted.importedChanges == 1)
        #expect(try restored.feedProgress()[delegate.key.feed]!.head == head + 1)
        let next = try restored.author(
            ops: [.threadCreate(ThreadCreate(topic: topic, title: "From the restored profile", body: "Again", language: .en))],
            references: [topic], key: delegate.key, now: 1_790_001_000_000)
        #expect(next.seq == head + 2)
    }

    @Test func aSyncWithNothingNewDoesNotListSettledFolders() throws {
        let temp = TemporaryFolder()
        let (secretariat, delegate, folder) = try twoPeers(temp)
        let past = Date(timeIntervalSinceNow: -60)
        let paths = [folder.feedsPath, folder.feedPath(delegate.key.feed), folder.feedPath(secretariat.key.feed)]
        for path in paths { try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: path) }
        _ = try secretariat.sync()
        // A file appears without the folder's time moving: a settled folder is not listed again.
        let feedPath = folder.feedPath(delegate.key.feed)
        var damaged = try Files.read(feedPath + "/" + Files.list(feedPath).sorted()[0], limit: 1 << 20)
        damaged[damaged.count / 2] ^= 0x01
        write(damaged, feedPath + "/000000000009-000000000009.seg")
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: folder.feedPath(delegate.key.feed))
        #expect(try secretariat.sync().problems.isEmpty)
        // Once the folder's time moves, it is listed and the file is read.
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: folder.feedPath(delegate.key.feed))
        #expect(try secretariat.sync().problems.count == 1)
    }
}
