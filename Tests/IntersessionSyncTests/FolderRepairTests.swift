import Foundation
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

/// Only good files cover a range: what a deleted, damaged or squatted file no longer holds is
/// written again by any replica that holds it, so a newcomer joins from any folder (issue 12).
@Suite struct FolderRepairTests {
    /// The secretariat and a delegate sharing one folder, the delegate having posted twice.
    func twoPeers(_ temp: TemporaryFolder) throws -> (Replica, Replica, GroupFolder) {
        var replicas = try Group.make(in: temp, members: 1)
        replicas[1].folders = replicas[0].folders
        for _ in 0..<2 { for replica in replicas { _ = try replica.sync() } }
        try replicas[1].post("First", now: 1_790_000_500_000)
        _ = try replicas[1].sync()
        try replicas[1].post("Second", now: 1_790_000_600_000)
        _ = try replicas[1].sync()
        _ = try replicas[0].sync()
        return (replicas[0], replicas[1], GroupFolder(root: replicas[0].folders[0], group: try replicas[0].store.groupID()!))
    }

    func segments(_ folder: GroupFolder, _ feed: FeedID) -> [String] {
        Files.list(folder.feedPath(feed)).filter { SegmentName(fileName: $0) != nil }.sorted()
    }

    func expectNewcomerReaches(_ replica: Replica, from folder: GroupFolder, _ temp: TemporaryFolder) throws {
        let fresh = try newcomer(from: folder.root, genesis: try replica.store.genesis()!, in: temp)
        #expect(try fresh.pendingCount() == 0)
        #expect(try fresh.stateDigest() == replica.store.stateDigest())
    }

    @Test func aDeletedFileIsWrittenAgainByAReplicaThatHoldsIt() throws {
        let temp = TemporaryFolder()
        let (secretariat, delegate, folder) = try twoPeers(temp)
        let lost = segments(folder, delegate.key.feed)[1]
        try FileManager.default.removeItem(atPath: folder.feedPath(delegate.key.feed) + "/" + lost)
        let report = try secretariat.sync()
        #expect(report.changedFiles == 1)
        #expect(report.exportedFiles == 1)
        #expect(segments(folder, delegate.key.feed).contains(lost))
        #expect(try secretariat.sync().exportedFiles == 0)
        try expectNewcomerReaches(secretariat, from: folder, temp)
    }

    @Test func aTamperedFileIsReportedOnceAndItsRangeWrittenUnderAFreeName() throws {
        let temp = TemporaryFolder()
        let (secretariat, delegate, folder) = try twoPeers(temp)
        let name = segments(folder, delegate.key.feed).last!
        let path = folder.feedPath(delegate.key.feed) + "/" + name
        var bytes = try Files.read(path, limit: 1 << 20)
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let report = try secretariat.sync()
        #expect(report.changedFiles == 1)
        #expect(report.problems.map(\.path) == [path])
        #expect(report.takenNames.map(\.path) == [path])
        #expect(report.takenNames.first?.wroteInstead.count == 1)
        #expect(report.takenNames.first?.ownFeed == false)
        let again = try secretariat.sync()
        #expect(again.problems.isEmpty && again.takenNames.isEmpty && again.exportedFiles == 0)
        try expectNewcomerReaches(secretariat, from: folder, temp)
    }

    @Test func anAuthorWritesAroundASquattedNameAndIsTold() throws {
        let temp = TemporaryFolder()
        let (secretariat, delegate, folder) = try twoPeers(temp)
        let next = try delegate.post("Third", now: 1_790_000_700_000)
        let wanted = folder.segmentPath(delegate.key.feed, SegmentName(firstSeq: next.seq, lastSeq: next.seq)!)
        // A complete segment of another range, squatting the name: read as bad, never overwritten.
        let squat = try Files.read(folder.feedPath(delegate.key.feed) + "/" + segments(folder, delegate.key.feed)[0], limit: 1 << 20)
        try Data(squat).write(to: URL(fileURLWithPath: wanted))
        let report = try SyncEngine(store: delegate.store, own: delegate.key.feed).sync(folders: delegate.folders)
        #expect(report.takenNames.map(\.path) == [wanted])
        #expect(report.takenNames.first?.ownFeed == true)
        let instead = try #require(report.takenNames.first?.wroteInstead.first)
        #expect(instead != wanted && FileStatus(path: instead) != nil)
        #expect(try Files.read(wanted, limit: 1 << 20) == squat)
        #expect(report.exportedChanges >= 1)
        _ = try secretariat.sync()
        #expect(try secretariat.store.feedProgress()[delegate.key.feed]?.head == next.seq)
        try expectNewcomerReaches(secretariat, from: folder, temp)
    }

    @Test func aHalfCopiedFileHoldingTheNameIsWaitedFor() throws {
        let temp = TemporaryFolder()
        let (_, delegate, folder) = try twoPeers(temp)
        let next = try delegate.post("Third", now: 1_790_000_700_000)
        let wanted = folder.segmentPath(delegate.key.feed, SegmentName(firstSeq: next.seq, lastSeq: next.seq)!)
        let whole = SegmentFormat.encode([next], group: folder.group)
        try Data(whole.prefix(whole.count / 2)).write(to: URL(fileURLWithPath: wanted))
        let report = try delegate.sync()
        #expect(report.takenNames.isEmpty && report.exportedFiles == 0)
        // Long after, the half file is damage, not a copy in progress: written around.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: wanted)
        let later = try delegate.sync()
        #expect(later.takenNames.map(\.path) == [wanted])
        #expect(later.takenNames.first?.wroteInstead.isEmpty == false)
    }

    @Test func aNameTakenEverywhereAroundIsSplitOrSaidSo() throws {
        let temp = TemporaryFolder()
        let (_, delegate, folder) = try twoPeers(temp)
        // Two new changes, one file wanted; every name reaching back is squatted.
        let third = try delegate.post("Third", now: 1_790_000_700_000)
        let fourth = try delegate.post("Fourth", now: 1_790_000_800_000)
        let junk = Data("not a segment at all, and long ago\n".utf8)
        for first in stride(from: third.seq, through: 1, by: -1) {
            let path = folder.segmentPath(delegate.key.feed, SegmentName(firstSeq: first, lastSeq: fourth.seq)!)
            try junk.write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: path)
        }
        let report = try delegate.sync()
        let taken = try #require(report.takenNames.first)
        #expect(taken.wroteInstead.map { ($0 as NSString).lastPathComponent }
                == [SegmentName(firstSeq: third.seq, lastSeq: third.seq)!.fileName, SegmentName(firstSeq: fourth.seq, lastSeq: fourth.seq)!.fileName])
    }
}
