import Foundation
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

/// A shared folder that tries to trick its reader or its writer: links, huge files, FIFOs,
/// paths leading out (DESIGN §5, issue 12).
@Suite struct HostileFolderTests {
    func post(_ replica: Replica, _ title: String, at now: Int64) throws {
        let topic = EntityID(hex: try replica.store.resolve("flows", as: .topic))!
        _ = try replica.store.author(
            ops: [.threadCreate(ThreadCreate(topic: topic, title: title, body: "Text", language: .en))],
            references: [topic], key: replica.key, now: now)
    }

    func files(under path: String) -> [String] {
        (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
    }

    @Test func aLinkedFeedFolderIsNeverWrittenThrough() throws {
        let temp = TemporaryFolder()
        let replicas = try Group.make(in: temp, members: 0)
        let secretariat = replicas[0]
        let folder = GroupFolder(root: secretariat.folders[0], group: try secretariat.store.groupID()!)
        let feed = folder.feedPath(secretariat.key.feed)
        let outside = temp.sub("elsewhere")
        try FileManager.default.removeItem(atPath: outside)
        try FileManager.default.moveItem(atPath: feed, toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: feed, withDestinationPath: outside)
        let before = files(under: outside)
        try post(secretariat, "Sent outside?", at: 1_790_000_100_000)

        #expect(throws: FolderError.symbolicLink(feed)) { try secretariat.sync() }
        #expect(files(under: outside) == before)
    }

    @Test func aLinkedFeedsOrGroupFolderIsRefusedToo() throws {
        let temp = TemporaryFolder()
        let replicas = try Group.make(in: temp, members: 0)
        let secretariat = replicas[0]
        let folder = GroupFolder(root: secretariat.folders[0], group: try secretariat.store.groupID()!)
        let outside = temp.path + "/elsewhere"
        try FileManager.default.moveItem(atPath: folder.path, toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: folder.path, withDestinationPath: outside)
        try post(secretariat, "Sent outside?", at: 1_790_000_100_000)
        let before = files(under: outside)

        #expect(throws: FolderError.symbolicLink(folder.path)) { try secretariat.sync() }
        #expect(files(under: outside) == before)
        #expect(folder.firstLink(to: folder.feedsPath) == folder.path)
    }

    @Test func theSharedFolderItselfMayBeALink() throws {
        let temp = TemporaryFolder()
        var replicas = try Group.make(in: temp, members: 0)
        let link = temp.path + "/Sync"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: replicas[0].folders[0])
        replicas[0].folders = [link]
        try post(replicas[0], "Through the link", at: 1_790_000_100_000)
        let report = try replicas[0].sync()
        #expect(report.exportedChanges == 1 && report.problems.isEmpty)
    }

    @Test func aLinkedSegmentIsReportedOnceAndNotRead() throws {
        let temp = TemporaryFolder()
        let replicas = try Group.make(in: temp, members: 1)
        let (secretariat, delegate) = (replicas[0], replicas[1])
        try post(secretariat, "Linked", at: 1_790_000_100_000)
        _ = try secretariat.sync()
        let folder = GroupFolder(root: secretariat.folders[0], group: try secretariat.store.groupID()!)
        let feed = folder.feedPath(secretariat.key.feed)
        let newest = Files.list(feed).sorted().last!
        let real = temp.path + "/real.seg"
        try FileManager.default.moveItem(atPath: feed + "/" + newest, toPath: real)
        try FileManager.default.createSymbolicLink(atPath: feed + "/" + newest, withDestinationPath: real)
        try FolderCopy.all(from: secretariat.folders[0], to: delegate.folders[0])
        let copied = GroupFolder(root: delegate.folders[0], group: folder.group).feedPath(secretariat.key.feed)
        try FileManager.default.removeItem(atPath: copied + "/" + newest)
        try FileManager.default.createSymbolicLink(atPath: copied + "/" + newest, withDestinationPath: real)

        let first = try delegate.sync()
        #expect(first.problems.map(\.path) == [copied + "/" + newest])
        #expect(first.problems.first?.reason == FolderEntry.linkReason)
        #expect(try delegate.store.threads(topic: nil).map(\.title).contains("Linked") == false)
        #expect(try delegate.sync().problems.isEmpty)
        #expect(throws: FolderError.symbolicLink(copied + "/" + newest)) {
            try GroupFolder(root: delegate.folders[0], group: folder.group).read(copied + "/" + newest, limit: 1 << 20)
        }
    }

    @Test func sizesAreTakenFromTheOpenedFile() throws {
        let temp = TemporaryFolder()
        let big = temp.path + "/big"
        FileManager.default.createFile(atPath: big, contents: nil)
        let handle = FileHandle(forWritingAtPath: big)!
        try handle.truncate(atOffset: 1 << 31)
        try handle.close()
        let started = Date()
        #expect(throws: FolderError.tooLarge(big, 1 << 31)) { try Files.read(big, limit: 1 << 20) }
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(throws: InviteError.tooLarge(big, 1 << 31)) { try InviteFile.read(path: big) }
        let small = temp.path + "/small"
        FileManager.default.createFile(atPath: small, contents: Data([1, 2, 3]))
        #expect(try Files.read(small, limit: 3) == [1, 2, 3])
        #expect(throws: FolderError.tooLarge(small, 3)) { try Files.read(small, limit: 2) }
    }

    @Test func aFIFOOrAFolderUnderASegmentNameIsNotRead() throws {
        let temp = TemporaryFolder()
        let fifo = temp.path + "/000000000001-000000000001.seg"
        #expect(mkfifo(fifo, 0o644) == 0)
        let folder = GroupFolder(root: temp.path, group: GroupID(hex: String(repeating: "ab", count: 32))!)
        #expect(throws: FolderError.unreadable(fifo)) { try folder.read(fifo, limit: 1 << 20) }
        #expect(throws: FolderError.unreadable(temp.sub("dir"))) { try Files.read(temp.path + "/dir", limit: 1 << 20) }
    }

    @Test func aPathLeadingOutOfTheSharedFolderIsRefused() throws {
        let temp = TemporaryFolder()
        let root = temp.sub("shared")
        let folder = GroupFolder(root: root, group: GroupID(hex: String(repeating: "ab", count: 32))!)
        #expect(throws: FolderError.outside(root + "/../escaped", root)) { try folder.makeDirectory(root + "/../escaped") }
        #expect(throws: FolderError.outside(temp.path, root)) { try folder.write([1], to: temp.path + "/other") }
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/escaped"))
        try folder.makeDirectory(folder.feedsPath + "/abc")
        try folder.write([7], to: folder.feedsPath + "/abc/file")
        #expect(try folder.read(folder.feedsPath + "/abc/file", limit: 1) == [7])
    }

    @Test func anInviteInASharedFolderIsNoticed() throws {
        let temp = TemporaryFolder()
        let remembered = temp.sub("cloud")
        #expect(InviteLocation.sharedFolder(holding: remembered + "/invite", remembered: [remembered]) == remembered)
        let other = temp.sub("usb")
        _ = temp.sub("usb/group-0123456789ab")
        _ = temp.sub("usb/notes")
        #expect(InviteLocation.sharedFolder(holding: other + "/notes/invite", remembered: [remembered]) == other)
        let link = temp.path + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: remembered)
        #expect(InviteLocation.sharedFolder(holding: link + "/invite", remembered: [remembered]) == remembered)
        #expect(InviteLocation.sharedFolder(holding: temp.sub("private") + "/invite", remembered: [remembered]) == nil)
    }

    @Test func aLinkedGroupFileStopsAJoinWithItsOwnReason() throws {
        let temp = TemporaryFolder()
        let replicas = try Group.make(in: temp, members: 0)
        let folder = GroupFolder(root: replicas[0].folders[0], group: try replicas[0].store.groupID()!)
        try FileManager.default.moveItem(atPath: folder.groupFile, toPath: temp.path + "/GROUP")
        try FileManager.default.createSymbolicLink(atPath: folder.groupFile, withDestinationPath: temp.path + "/GROUP")
        let invite = InviteFile(group: folder.group, genesis: try replicas[0].store.genesis()!, invite: EntityID(hex: String(repeating: "cd", count: 16))!,
                                secret: Array(repeating: 1, count: 32), name: "N", organisation: "O", role: .member,
                                expires: 0, folders: [folder.root])
        #expect(throws: FolderError.symbolicLink(folder.groupFile)) { try Invitation.sharedFolder(for: invite, override: nil) }
    }
}
