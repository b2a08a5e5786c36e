import Crypto
import Foundation
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

/// A fork in a sealed group is seen by every replica that can see a folder holding either
/// variant (issue 12), the variants published sealed and read from a sync tool's sealed
/// conflict copies (issue 13).
@Suite struct SealedForkTests {
    /// The secretariat and delegate 1 share folder 0; delegate 2 has folder 2, which the
    /// secretariat also syncs (a relay).
    func group(_ temp: TemporaryFolder) throws -> [Replica] {
        var replicas = try Group.make(in: temp, members: 2, sealed: true)
        replicas[0].folders = [replicas[0].folders[0], replicas[2].folders[0]]
        replicas[1].folders = [replicas[0].folders[0]]
        for _ in 0..<2 { for replica in replicas { _ = try replica.sync() } }
        return replicas
    }

    func conflictPath(_ folder: GroupFolder, _ feed: FeedID, _ seq: Int64) -> String {
        folder.feedPath(feed) + "/" + SegmentName(firstSeq: seq, lastSeq: seq)!.fileName.replacingOccurrences(
            of: ".seg", with: ".sync-conflict-20261201-120000-ABCDEFG.seg")
    }

    @Test func aCopiedHomeForksAndEveryReplicaFreezesTheFeedAtTheSameSeq() throws {
        let temp = TemporaryFolder()
        let replicas = try group(temp)
        let original = replicas[1]
        let copy = try original.copiedHome(to: temp.path + "/home-1-copy")
        let forkSeq = try original.post("From the original", now: 1_790_001_000_000).seq
        #expect(try copy.post("From the copy", now: 1_790_001_000_500).seq == forkSeq)
        _ = try copy.post("The copy goes on", now: 1_790_001_001_000)
        _ = try original.sync()
        let found = try copy.sync()
        #expect(found.forks.map(\.seq) == [forkSeq])
        #expect(found.publishedVariants == 1)
        for _ in 0..<2 { for replica in replicas + [copy] { _ = try replica.sync() } }

        let feed = original.key.feed
        for replica in replicas + [copy] {
            #expect(try replica.store.feedProgress()[feed]?.frozenFrom == forkSeq, "\(replica.name)")
        }
        let digests = try (replicas + [copy]).map { try $0.store.stateDigest() }
        #expect(Set(digests).count == 1)
        for root in [replicas[0].folders[0], replicas[2].folders[0]] {
            let folder = try replicas[0].groupFolder(root)
            let files = Files.list(folder.feedPath(feed)).filter { SegmentName(fileName: $0) != nil }
            #expect(try files.allSatisfy { try Files.read(folder.feedPath(feed) + "/" + $0, limit: 1 << 20).starts(with: SealedFile.magic) },
                    "the variants are published sealed")
            let fresh = try newcomer(from: root, genesis: try replicas[0].store.genesis()!, keys: try replicas[0].store.heldEpochKeys(), in: temp)
            #expect(try fresh.feedProgress()[feed]?.frozenFrom == forkSeq)
            #expect(try fresh.stateDigest() == digests[0])
        }
    }

    /// Through a sync tool, two writers of one sealed segment name end as the file and a
    /// conflict copy: the copy is opened and read for evidence.
    @Test func aSealedConflictCopyHoldingTheOtherVariantFreezesTheFeedEverywhere() throws {
        let temp = TemporaryFolder()
        let replicas = try group(temp)
        let original = replicas[1]
        let copy = try original.copiedHome(to: temp.path + "/home-1-copy")
        let forkSeq = try original.post("From the original", now: 1_790_001_000_000).seq
        let variant = try copy.post("From the copy", now: 1_790_001_000_500)
        _ = try original.sync()
        let shared = try copy.groupFolder(original.folders[0])
        try Data(try shared.encodeSegment([variant])).write(to: URL(fileURLWithPath: conflictPath(shared, original.key.feed, forkSeq)))
        _ = try original.post("The original goes on", now: 1_790_001_002_000)

        let first = try replicas[0].sync()
        #expect(first.evidenceFiles == 1)
        #expect(first.forks.map(\.seq) == [forkSeq])
        #expect(try replicas[0].sync().evidenceFiles == 0)
        for _ in 0..<2 { for replica in replicas { _ = try replica.sync() } }
        for replica in replicas {
            #expect(try replica.store.feedProgress()[original.key.feed]?.frozenFrom == forkSeq, "\(replica.name)")
        }
        let fresh = try newcomer(from: replicas[2].folders[0], genesis: try replicas[0].store.genesis()!,
                                 keys: try replicas[0].store.heldEpochKeys(), in: temp)
        #expect(try fresh.feedProgress()[original.key.feed]?.frozenFrom == forkSeq)
        #expect(try fresh.stateDigest() == replicas[0].store.stateDigest())
    }

    /// A conflict copy sealed under an epoch this device holds no key of (not yet, or never) is
    /// no fault: it is read again at the next sync, never reported.
    @Test func aConflictCopySealedUnderAnUnknownKeyWaitsForItsKey() throws {
        let temp = TemporaryFolder()
        let replicas = try group(temp)
        let delegate = replicas[1]
        let next = try delegate.post("Under a key not known here", now: 1_790_001_000_000)
        let shared = try delegate.groupFolder(delegate.folders[0])
        let sealed = try SealedFile.seal(SegmentFormat.encode([next], group: shared.group), under: SymmetricKey(size: .bits256))
        let path = conflictPath(shared, delegate.key.feed, next.seq)
        try Data(sealed).write(to: URL(fileURLWithPath: path))
        let report = try replicas[0].sync()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.lockedFiles == 1 && report.evidenceFiles == 0)
        #expect(try replicas[0].sync().problems.isEmpty)
    }

    /// A conflict copy that claims a key held here and does not open is reported once.
    @Test func aDamagedSealedConflictCopyIsReportedOnce() throws {
        let temp = TemporaryFolder()
        let replicas = try group(temp)
        let delegate = replicas[1]
        let next = try delegate.post("Damaged copy", now: 1_790_001_000_000)
        let shared = try delegate.groupFolder(delegate.folders[0])
        var sealed = try shared.encodeSegment([next])
        sealed[sealed.count / 2] ^= 0x01
        let path = conflictPath(shared, delegate.key.feed, next.seq)
        try Data(sealed).write(to: URL(fileURLWithPath: path))
        let report = try replicas[0].sync()
        #expect(report.problems.map(\.path) == [path])
        #expect(report.problems.first?.reason.contains("\(SegmentError.sealedDamaged)") == true)
        #expect(try replicas[0].sync().problems.isEmpty)
    }
}
