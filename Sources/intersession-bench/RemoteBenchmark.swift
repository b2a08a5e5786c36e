import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// Issue 20's benchmark: a fresh peer from a bucket holding N posts (sealed, N / 50 threads),
/// and a sync with nothing new, against `moto_server` on 127.0.0.1: time, requests and bytes.
/// Beside them, in the same run: the floor (listing the bucket and getting every object once,
/// over the same transport, nothing checked or stored) and the same fresh peer from a folder.
struct RemoteBenchmark {
    let sizes: [Int]

    func run() throws {
        let server = try MotoServer.start()
        defer { server.stop() }
        for size in sizes { try run(size: size, server: server) }
    }

    private func run(size: Int, server: MotoServer) throws {
        let threads = max(1, size / 50)
        print("remote (sealed, \(size) posts in \(threads) threads, moto_server on 127.0.0.1): building the bucket…")
        let scratch = try Scratch()
        var workload = try PostWorkload(threads: threads, sealed: true, threadAuthor: .firstFolder)
        let all = workload.setup + workload.posts(max(0, size - threads))
        let bucket = "bench-\(size)"
        try server.createBucket(bucket)
        let counter = CountingTransport(Retrying(SocketTransport()))
        let store = S3Store(endpoint: server.endpoint, bucket: bucket, prefix: "wgec", region: "us-east-1",
                            credentials: S3Credentials(accessKeyID: "bench", secretAccessKey: "bench-secret"), transport: counter)
        let location = try RemoteLocation(parsing: "s3://\(bucket)/wgec")
        let uploader = RemoteMirror(location: location, directory: scratch.path("upload"), store: store)
        try uploader.prepare()
        let folder = GroupFolder(root: uploader.folder, group: workload.groupID, sealing: workload.sealing)
        try SegmentWriter.write(all, to: folder)
        var pushed = SyncReport()
        uploader.push(into: &pushed)
        guard pushed.remoteFailures == 0 else { throw BenchmarkError("the upload failed: \(pushed.problems)") }
        let seed = PeerSeed(genesis: all[0], epoch: workload.epoch!)
        let floor = try Self.floor(store, counter)
        let peer = try Self.freshPeer(seed, location: location, store: store, counter: counter, in: scratch, expected: all.count - 1)
        let start = DispatchTime.now()
        _ = try seed.sync(folder.root, into: scratch.path("folder-peer.sqlite"))
        let folderSeconds = ApplyBenchmark.seconds(since: start)
        print(String(format: "  %d objects in the bucket (%.1f MiB)", floor.requests - 1, Double(floor.bytes) / 1_048_576))
        print(String(format: "  floor, list and get every object:  %6.2f s, %6d requests, %7.1f MiB", floor.seconds, floor.requests, Double(floor.bytes) / 1_048_576))
        print(String(format: "  fresh peer from the bucket:        %6.2f s, %6d requests, %7.1f MiB, peak +%3.0f MiB  ratio %.2f of the floor, %.2f of a fresh peer from a folder (%.2f s)",
                     peer.seconds, peer.requests, Double(peer.bytes) / 1_048_576, peer.peakMiB, peer.seconds / floor.seconds,
                     peer.seconds / folderSeconds, folderSeconds))
        print(String(format: "  sync with nothing new:             %6.3f s, %6d requests, %7.1f KiB", peer.quiet.seconds, peer.quiet.requests,
                     Double(peer.quiet.bytes) / 1024))
    }

    struct Figures {
        var seconds: Double
        var requests: Int
        var bytes: Int
    }

    /// Listing and getting every object once, as fast as the server and the transport allow.
    static func floor(_ store: S3Store, _ counter: CountingTransport) throws -> Figures {
        counter.reset()
        let start = DispatchTime.now()
        for object in try store.list(prefix: "", after: nil) { _ = try store.get(object.key, limit: 128 * 1024 * 1024) }
        return Figures(seconds: ApplyBenchmark.seconds(since: start), requests: counter.requests, bytes: counter.bytes)
    }

    static func freshPeer(_ seed: PeerSeed, location: RemoteLocation, store: S3Store, counter: CountingTransport,
                          in scratch: Scratch, expected: Int) throws -> (seconds: Double, requests: Int, bytes: Int, peakMiB: Double, quiet: Figures) {
        try FileManager.default.createDirectory(atPath: scratch.path("peer"), withIntermediateDirectories: true)
        let peer = try AppDatabase.create(path: scratch.path("peer/store.sqlite"))
        try peer.apply([seed.genesis])
        try peer.holdEpochKeys([seed.epoch.id.hex: seed.epoch.key])
        try RememberedRemotes(store: peer).add([location.description])
        let engine = SyncEngine(store: peer, connector: RemoteConnector { _ throws(RemoteError) in store })
        let folders = try RememberedFolders(store: peer).list()
        counter.reset()
        Memory.resetPeak()
        let before = Memory.residentMiB()
        let start = DispatchTime.now()
        let report = try engine.sync(folders: folders)
        let seconds = ApplyBenchmark.seconds(since: start)
        let peak = Memory.peakMiB() - before
        try PeerBenchmark.check(report, expected: expected)
        let requests = counter.requests, bytes = counter.bytes
        counter.reset()
        let quietStart = DispatchTime.now()
        _ = try engine.sync(folders: folders)
        let quiet = Figures(seconds: ApplyBenchmark.seconds(since: quietStart), requests: counter.requests, bytes: counter.bytes)
        return (seconds, requests, bytes, peak, quiet)
    }
}

/// Counts the HTTP requests a transport sends and the bytes of their bodies and answers'.
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    let inner: any HTTPTransport
    private let lock = NSLock()
    private(set) var requests = 0
    private(set) var bytes = 0

    init(_ inner: any HTTPTransport) { self.inner = inner }

    func reset() { lock.withLock { (requests, bytes) = (0, 0) } }

    func send(_ request: HTTPRequest) throws(RemoteError) -> HTTPResponse {
        let response = try inner.send(request)
        lock.withLock {
            requests += 1
            bytes += request.body.count + response.body.count
        }
        return response
    }
}
