import Foundation
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

/// Issue 20: a remote is synced through a mirror folder in the home, so a group can use a
/// folder, a bucket, or both (a relay), and each guarantee of a folder holds for the remote.
@Suite struct RemoteMirrorTests {
    /// A founder on a folder, a delegate on the remote only, another on both (the relay).
    static func relayGroup(in temp: TemporaryFolder, sealed: Bool = false) throws -> (folder: Replica, remote: Replica, relay: Replica) {
        let replicas = try Group.make(in: temp, members: 2, sealed: sealed)
        _ = try RememberedFolders(store: replicas[0].store).add(replicas[0].folders)
        try replicas[1].useRemote()
        try replicas[2].useRemote(folders: replicas[0].folders)
        return (replicas[0], replicas[1], replicas[2])
    }

    static func converge(_ replicas: [Replica], through remote: MemoryObjectStore, rounds: Int = 3) throws {
        for _ in 0..<rounds { for replica in replicas { _ = try replica.sync(through: remote) } }
    }

    /// Flips a byte in the middle of `writer`'s newest segment on the remote (the size stays).
    static func flipAByteOfTheNewestSegment(of writer: Replica, in remote: MemoryObjectStore) throws -> String {
        let segment = try #require(remote.keys.last { $0.hasSuffix(".seg") && $0.contains(writer.key.feed.hex) })
        var bytes = try #require(remote[segment])
        bytes[bytes.count / 2] ^= 0x20
        remote[segment] = bytes
        return segment
    }

    @Test(arguments: [false, true]) func aFolderABucketAndARelayConverge(sealed: Bool) throws {
        let temp = TemporaryFolder()
        let remote = MemoryObjectStore()
        let (folder, bucket, relay) = try Self.relayGroup(in: temp, sealed: sealed)
        var now: Int64 = 1_790_000_100_000
        for replica in [folder, bucket, relay] {
            for index in 0..<3 {
                now += 1
                try replica.post("\(replica.name) \(index)", now: now)
            }
        }
        try Self.converge([folder, bucket, relay], through: remote)
        let digests = try [folder, bucket, relay].map { try $0.store.stateDigest() }
        #expect(Set(digests).count == 1)
        #expect(remote.keys.contains { $0.hasPrefix(".journal/") })
        #expect(!remote.keys.contains { $0.contains("/.") })
    }

    @Test func aSyncWithNothingNewMakesOneRequest() throws {
        let temp = TemporaryFolder()
        let remote = MemoryObjectStore()
        let (folder, bucket, relay) = try Self.relayGroup(in: temp)
        for index in 0..<20 { try bucket.post("post \(index)", now: 1_790_000_100_000 + Int64(index)) }
        try Self.converge([folder, bucket, relay], through: remote)
        for replica in [bucket, relay] {
            remote.resetCount()
            let report = try replica.sync(through: remote)
            #expect(remote.requests == 1, "\(replica.name)")
            #expect(report.problems.isEmpty)
        }
    }

    @Test func aServerFailingOneRequestInThreeStillConverges() throws {
        let temp = TemporaryFolder()
        let remote = MemoryObjectStore()
        remote.failEvery = 3
        let (folder, bucket, relay) = try Self.relayGroup(in: temp)
        for index in 0..<5 {
            try bucket.post("bucket \(index)", now: 1_790_000_100_000 + Int64(index))
            try folder.post("folder \(index)", now: 1_790_000_200_000 + Int64(index))
        }
        var reports: [SyncReport] = []
        for _ in 0..<12 { for replica in [folder, bucket, relay] { reports.append(try replica.sync(through: remote)) } }
        #expect(reports.contains { $0.remoteFailures > 0 })
        remote.failEvery = 0
        try Self.converge([folder, bucket, relay], through: remote, rounds: 2)
        #expect(Set(try [folder, bucket, relay].map { try $0.store.stateDigest() }).count == 1)
    }

    @Test func aTamperedObjectIsReportedUnderTheRemotesName() throws {
        let temp = TemporaryFolder()
        let remote = MemoryObjectStore()
        let (folder, bucket, relay) = try Self.relayGroup(in: temp)
        try Self.converge([folder, bucket, relay], through: remote)
        try bucket.post("to be tampered with", now: 1_790_000_300_000)
        _ = try bucket.sync(through: remote)
        let before = Set(remote.keys)
        _ = try bucket.sync(through: remote)
        let segment = try Self.flipAByteOfTheNewestSegment(of: bucket, in: remote)
        let report = try relay.sync(through: remote)
        #expect(report.problems.contains { $0.path == "s3://group-bucket/wgec/" + segment }, "\(report.problems)")
        #expect(!report.problems.contains { $0.path.contains("/remotes/") || $0.reason.contains("/remotes/") })
        #expect(before.isSubset(of: Set(remote.keys)))
    }

    @Test func aNameTakenOnTheRemoteIsWrittenAround() throws {
        let temp = TemporaryFolder()
        let remote = MemoryObjectStore()
        let (folder, bucket, relay) = try Self.relayGroup(in: temp)
        try Self.converge([folder, bucket, relay], through: remote)
        let change = try bucket.post("squatted", now: 1_790_000_400_000)
        let group = try bucket.groupFolder("")
        let name = try #require(SegmentName(firstSeq: change.seq, lastSeq: change.seq)).fileName
        let key = group.path.dropFirst() + "/feeds/" + group.feedFolderName(bucket.key.feed) + "/" + name
        remote[String(key)] = Array(repeating: UInt8(ascii: "x"), count: 64 * 1024)
        let report = try bucket.sync(through: remote)
        #expect(report.replacedByRemote == 1)
        #expect(!report.takenNames.isEmpty, "\(report)")
        try Self.converge([folder, bucket, relay], through: remote)
        #expect(try folder.store.stateDigest() == bucket.store.stateDigest())
    }

    @Test func whatTheRemoteLostIsWrittenAgainAfterAFullListing() throws {
        let temp = TemporaryFolder()
        let remote = MemoryObjectStore()
        let (folder, bucket, relay) = try Self.relayGroup(in: temp)
        try Self.converge([folder, bucket, relay], through: remote)
        let lost = try #require(remote.keys.first { $0.hasSuffix(".seg") })
        remote[lost] = nil
        _ = try bucket.sync(through: remote)
        #expect(remote[lost] == nil)
        try bucket.forceFullListing()
        _ = try bucket.sync(through: remote)
        #expect(remote[lost] != nil)
    }

    /// A byte flipped on the remote keeps the object's size but not its tag: the writer's next
    /// full listing fetches it, finds it altered, and writes the range again under another name,
    /// so those who read only the remote get the post.
    @Test func aSameSizeTamperingIsHealedAfterAFullListing() throws {
        let temp = TemporaryFolder()
        let remote = MemoryObjectStore()
        let (folder, bucket, relay) = try Self.relayGroup(in: temp)
        try Self.converge([folder, bucket, relay], through: remote)
        try bucket.post("to be tampered with", now: 1_790_000_300_000)
        _ = try bucket.sync(through: remote)
        let segment = try Self.flipAByteOfTheNewestSegment(of: bucket, in: remote)
        try Self.converge([folder, relay], through: remote, rounds: 2)
        #expect(try relay.store.stateDigest() != bucket.store.stateDigest())
        try bucket.forceFullListing()
        let report = try bucket.sync(through: remote)
        #expect(report.fetchedObjects >= 1, "\(report)")
        try Self.converge([relay, folder], through: remote, rounds: 2)
        #expect(Set(try [folder, bucket, relay].map { try $0.store.stateDigest() }).count == 1)
    }

    /// Tags let a full listing tell, without reading anything, that the mirror holds what the
    /// remote does.
    @Test func aFullListingWithNothingChangedReadsNoObject() throws {
        let temp = TemporaryFolder()
        let remote = MemoryObjectStore()
        let (folder, bucket, relay) = try Self.relayGroup(in: temp)
        for index in 0..<5 { try bucket.post("post \(index)", now: 1_790_000_100_000 + Int64(index)) }
        try Self.converge([folder, bucket, relay], through: remote)
        for replica in [bucket, relay] {
            try replica.forceFullListing()
            remote.resetCount()
            let report = try replica.sync(through: remote)
            #expect(remote.reads == 0, "\(replica.name) \(remote.readKeys)")
            #expect(report.problems.isEmpty, "\(report.problems)")
        }
    }
}
