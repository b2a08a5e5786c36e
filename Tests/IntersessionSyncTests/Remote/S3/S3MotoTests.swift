import Foundation
import Testing
@testable import IntersessionSync

/// The S3 store against a real S3 server: one moto_server on a free port of 127.0.0.1 for the
/// suite (it takes seconds to start, longer on a busy machine, so each test has a bucket of its
/// own instead of a server), through the product's own transport. moto does not check signatures, so bad credentials are tested
/// with the fake transport (S3StoreTests).
@Suite(.enabled(if: LocalServer.find("moto_server") != nil, "moto_server is not on PATH (pip install 'moto[server]'): skipped"), .timeLimit(.minutes(2)))
struct S3MotoTests {
    static let credentials = S3Credentials(accessKeyID: "AKIAMOTOTEST", secretAccessKey: "moto-secret")
    /// Bounded by `timeout`: a server the test process leaves behind at its exit stops by itself.
    nonisolated(unsafe) static let shared = Result { () throws -> LocalServer in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("moto-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try LocalServer("timeout", arguments: { ["900", "moto_server", "-H", "127.0.0.1", "-p", String($0)] }, in: folder)
    }
    let server: LocalServer
    let transport: FakeTransport
    let endpoint: HTTPEndpoint
    let bucket = "test-" + UUID().uuidString.prefix(13).lowercased()

    init() throws {
        server = try Self.shared.get()
        endpoint = HTTPEndpoint(secure: false, host: "127.0.0.1", port: server.port)
        let real = Retrying(SocketTransport())
        // Sends through the real transport and remembers each request.
        transport = FakeTransport { request, _ throws(RemoteError) in try real.send(request) }
    }

    func store(_ bucket: String? = nil, prefix: String = "groups/one", pageSize: Int = 1000) -> S3Store {
        let bucket = bucket ?? self.bucket
        return S3Store(endpoint: endpoint, bucket: bucket, prefix: prefix, region: "us-east-1", credentials: Self.credentials,
                addressing: .path, transport: transport, clock: { Date() }, pause: Retrying.sleep, pageSize: pageSize)
    }

    /// A signed `PUT /bucket`, as a person's tool would make it.
    func createBucket(_ name: String? = nil) throws {
        let name = name ?? bucket
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1")
        let request = signer.signed(HTTPRequest(method: "PUT", endpoint: endpoint, target: "/" + name), at: Date())
        let response = try transport.send(request)
        #expect(response.status == 200, "creating the bucket: \(response.status) \(String(decoding: response.body, as: UTF8.self))")
    }

    @Test func aCreateIsOnlyTheFirstAndItsBytesStay() throws {
        try createBucket()
        let store = store()
        #expect(try store.putIfAbsent("g/feeds/a/1-2.seg", Array("first".utf8)))
        #expect(try !store.putIfAbsent("g/feeds/a/1-2.seg", Array("second".utf8)))
        #expect(try store.get("g/feeds/a/1-2.seg", limit: 100) == Array("first".utf8))
        #expect(try store.get("g/feeds/a/missing.seg", limit: 100) == nil)
        #expect(try store.list(prefix: "", after: nil).map { [$0.key: $0.size] } == [["g/feeds/a/1-2.seg": 5]])
        let binary = (0..<2048).map { UInt8($0 % 256) }
        #expect(try store.putIfAbsent("g/feeds/b é+$/x y.seg", binary))
        #expect(try store.get("g/feeds/b é+$/x y.seg", limit: 4096) == binary)
        #expect(throws: RemoteError.self) { try store.get("g/feeds/b é+$/x y.seg", limit: 100) }
    }

    @Test func aListingAfterAMarkerCrossesPagesWithinItsPrefix() throws {
        try createBucket()
        let store = store(pageSize: 2)
        let keys = ["g/feeds/a/1", "g/feeds/a/2", "g/feeds/b/1", "g/feeds/b/2", "g/feeds/b/3", "g/feeds/c/1", "g/feeds/c/2",
                    "g/feeds.txt", "g/other/1"]
        for key in keys.shuffled() { #expect(try store.putIfAbsent(key, Array(key.utf8))) }
        // A neighbour under another prefix of the same bucket is not seen.
        #expect(try self.store(prefix: "groups/one-two").putIfAbsent("g/feeds/a/0", [0]))
        #expect(try self.store(prefix: "groups").putIfAbsent("stray", [0]))

        let before = transport.requests.count
        let found = try store.list(prefix: "g/feeds/", after: "g/feeds/a/2")
        #expect(found.map(\.key) == ["g/feeds/b/1", "g/feeds/b/2", "g/feeds/b/3", "g/feeds/c/1", "g/feeds/c/2"])
        #expect(found.map(\.size) == found.map { Int64(("groups/one/" + $0.key).utf8.count - "groups/one/".utf8.count) })
        #expect(transport.requests.count - before == 3, "five keys at two a page")
        #expect(try store.list(prefix: "", after: nil).map(\.key) == keys.sorted { $0.bytesPrecede($1) })
        #expect(try store.list(prefix: "g/feeds/c/", after: "g/feeds/c/2").isEmpty)
        #expect(try store.list(prefix: "g/none/", after: nil).isEmpty)
        #expect(try self.store(prefix: "").list(prefix: "groups/one-two/", after: nil).map(\.key) == ["groups/one-two/g/feeds/a/0"])
    }

    /// The mirror heals a same-size change by the tag: the PUT's, the listing's and the GET's
    /// must be one, and another write must change it.
    @Test func anObjectsTagIsOneEverywhereAndChangesWithItsBytes() throws {
        try createBucket()
        let store = store()
        guard case .written(let written) = try store.create("g/feeds/a/1-2.seg", Array("first".utf8)) else {
            Issue.record("the create did not write")
            return
        }
        let listed = try #require(try store.list(prefix: "", after: nil).first)
        let read = try #require(try store.read("g/feeds/a/1-2.seg", limit: 100))
        #expect(written != nil)
        #expect(listed.tag == written)
        #expect(read.tag == written)
        // An overwrite as a tool would make it (no If-None-Match), with bytes of the same size.
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1")
        let put = HTTPRequest(method: "PUT", endpoint: endpoint, target: store.objectTarget("g/feeds/a/1-2.seg"), body: Array("First".utf8))
        #expect(try transport.send(signer.signed(put, at: Date())).status == 200)
        let after = try #require(try store.list(prefix: "", after: nil).first)
        #expect(after.size == listed.size)
        #expect(after.tag != nil && after.tag != listed.tag)
    }

    @Test func aMissingBucketIsNoSuchPlace() throws {
        let store = store("no-such-bucket")
        let expected = RemoteError.noSuchPlace("the bucket no-such-bucket at \(endpoint.origin)")
        #expect(throws: expected) { try store.list(prefix: "", after: nil) }
        #expect(throws: expected) { try store.get("k", limit: 10) }
    }
}
