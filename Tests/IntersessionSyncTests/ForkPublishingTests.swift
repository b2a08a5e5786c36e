import Foundation
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

/// A fork is seen by every replica that can see a folder holding either variant (issue 12).
@Suite struct ForkPublishingTests {
    func write(_ bytes: [UInt8], _ path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    /// The secretariat and delegate 1 share folder 0; delegate 2 has folder 2, which the
    /// secretariat also syncs (a relay).
    func group(_ temp: TemporaryFolder) throws -> [Replica] {
        var replicas = try Group.make(in: temp, members: 2)
        replicas[0].folders = [replicas[0].folders[0], replicas[2].folders[0]]
        replicas[1].folders = [replicas[0].folders[0]]
        for _ in 0..<2 { for replica in replicas { _ = try replica.sync() } }
        return replicas
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
        let genesis = try replicas[0].store.genesis()!
        for folder in [replicas[0].folders[0], replicas[2].folders[0]] {
            let fresh = try newcomer(from: folder, genesis: genesis, in: temp)
            #expect(try fresh.feedProgress()[feed]?.frozenFrom == forkSeq)
            #expect(try fresh.stateDigest() == digests[0])
        }
    }

    /// Through a sync tool, two writers of one segment name end as the file and a conflict copy.
    @Test func aConflictCopyHoldingTheOtherVariantFreezesTheFeedEverywhere() throws {
        let temp = TemporaryFolder()
        let replicas = try group(temp)
        let original = replicas[1]
        let copy = try original.copiedHome(to: temp.path + "/home-1-copy")
        let forkSeq = try original.post("From the original", now: 1_790_001_000_000).seq
        let variant = try copy.post("From the copy", now: 1_790_001_000_500)
        _ = try original.sync()
        // The copy's file of the same name lost the race: the sync tool renamed it.
        let group = try original.store.groupID()!
        let name = SegmentName(firstSeq: forkSeq, lastSeq: forkSeq)!
        let shared = GroupFolder(root: original.folders[0], group: group)
        let conflict = shared.feedPath(original.key.feed) + "/" + name.fileName.replacingOccurrences(
            of: ".seg", with: ".sync-conflict-20261201-120000-ABCDEFG.seg")
        write(SegmentFormat.encode([variant], group: group), conflict)
        // The honest device goes on: its next change links to its own variant.
        _ = try original.post("The original goes on", now: 1_790_001_002_000)

        let first = try replicas[0].sync()
        #expect(first.evidenceFiles == 1)
        #expect(first.forks.map(\.seq) == [forkSeq])
        #expect(try replicas[0].sync().evidenceFiles == 0)
        for _ in 0..<2 { for replica in replicas { _ = try replica.sync() } }
        for replica in replicas {
            #expect(try replica.store.feedProgress()[original.key.feed]?.frozenFrom == forkSeq, "\(replica.name)")
        }
        let fresh = try newcomer(from: replicas[2].folders[0], genesis: try replicas[0].store.genesis()!, in: temp)
        #expect(try fresh.feedProgress()[original.key.feed]?.frozenFrom == forkSeq)
        #expect(try fresh.stateDigest() == replicas[0].store.stateDigest())
    }

    @Test func aConflictCopyIsNeverAppliedAsAChange() throws {
        let temp = TemporaryFolder()
        let replicas = try group(temp)
        let delegate = replicas[1]
        let head = try replicas[0].store.feedProgress()[delegate.key.feed]!.head
        let next = try delegate.post("Only in a conflict copy", now: 1_790_001_000_000)
        let feedPath = GroupFolder(root: delegate.folders[0], group: try delegate.store.groupID()!).feedPath(delegate.key.feed)
        write(SegmentFormat.encode([next], group: try delegate.store.groupID()!),
              feedPath + "/whatever (conflicted copy 2026-12-01).seg")
        let report = try replicas[0].sync()
        #expect(report.evidenceFiles == 1 && report.forks.isEmpty && report.problems.isEmpty)
        #expect(try replicas[0].store.feedProgress()[delegate.key.feed]!.head == head)
        #expect(try replicas[0].store.threads(topic: nil).isEmpty)
    }

    @Test func aBadConflictCopyIsReportedOnce() throws {
        let temp = TemporaryFolder()
        let replicas = try group(temp)
        let feedPath = GroupFolder(root: replicas[1].folders[0], group: try replicas[1].store.groupID()!).feedPath(replicas[1].key.feed)
        let path = feedPath + "/000000000001-000000000001.sync-conflict-20261201-120000-ABCDEFG.seg"
        write(Array("INTERSESSION-SEGMENT 1 junk\nEND 1 \(String(repeating: "0", count: 64))\n".utf8), path)
        let first = try replicas[0].sync()
        #expect(first.problems.map(\.path) == [path])
        #expect(try replicas[0].sync().problems.isEmpty)
    }
}
