import Foundation
import Testing
@testable import IntersessionSync

/// The store's walk, creates and error mapping against a WebDAV server in memory.
@Suite struct WebDAVStoreTests {
    static let endpoint = HTTPEndpoint(secure: true, host: "dav.example")
    static let credentials = WebDAVCredentials(user: "secretariat", password: "pa55-W0RD")

    func store(_ server: FakeDAVServer, base: String = "/dav") -> WebDAVStore {
        WebDAVStore(endpoint: Self.endpoint, basePath: base, credentials: Self.credentials, transport: server.transport)
    }

    func propfinds(_ server: FakeDAVServer) -> [String] {
        server.transport.requests.filter { $0.method == "PROPFIND" }.map(\.target)
    }

    func feeds() -> FakeDAVServer {
        let server = FakeDAVServer()
        for path in ["g/feeds/a/1", "g/feeds/a/2", "g/feeds/b/1", "g/feeds/b/2", "g/feeds/b/sub/1", "g/feeds/c/1", "g/feeds.txt", "g/other/1"] {
            server.add("/dav/" + path, Array(path.utf8))
        }
        return server
    }

    @Test func nestedKeysAreListedInByteOrder() throws {
        let server = feeds()
        let all = try store(server).list(prefix: "", after: nil)
        #expect(all.map(\.key) == ["g/feeds.txt", "g/feeds/a/1", "g/feeds/a/2", "g/feeds/b/1", "g/feeds/b/2", "g/feeds/b/sub/1",
                                   "g/feeds/c/1", "g/other/1"])
        #expect(all[0].size == 11)
        #expect(propfinds(server).first == "/dav/")
        #expect(server.transport.requests.allSatisfy { $0.header("Depth") == "1" })
    }

    @Test func aListingWalksOnlyTheCollectionsThatCanHoldWhatIsAsked() throws {
        let server = feeds()
        let found = try store(server).list(prefix: "g/feeds/", after: "g/feeds/b/1")
        #expect(found.map(\.key) == ["g/feeds/b/2", "g/feeds/b/sub/1", "g/feeds/c/1"])
        // a/ sorts wholly before the marker: never asked for.
        #expect(propfinds(server) == ["/dav/g/feeds/", "/dav/g/feeds/b/", "/dav/g/feeds/b/sub/", "/dav/g/feeds/c/"])

        let byName = feeds()
        #expect(try store(byName).list(prefix: "g/feeds/b", after: nil).map(\.key) == ["g/feeds/b/1", "g/feeds/b/2", "g/feeds/b/sub/1"])
        #expect(propfinds(byName) == ["/dav/g/feeds/", "/dav/g/feeds/b/", "/dav/g/feeds/b/sub/"])
        #expect(try store(feeds()).list(prefix: "g/feeds/b/2", after: "g/feeds/b/2").isEmpty)
    }

    @Test func aMissingCollectionIsEmptyAndAMissingBaseIsNoSuchPlace() throws {
        #expect(try store(feeds()).list(prefix: "g/nothing/here/", after: nil).isEmpty)
        #expect(try store(FakeDAVServer()).list(prefix: "", after: nil).isEmpty)
        let expected = RemoteError.noSuchPlace("the collection /elsewhere at https://dav.example")
        #expect(throws: expected) { try store(feeds(), base: "/elsewhere").list(prefix: "", after: nil) }
        #expect(throws: expected) { try store(feeds(), base: "/elsewhere").list(prefix: "g/feeds/", after: nil) }
        #expect(throws: expected) { try store(feeds(), base: "/elsewhere").putIfAbsent("g/k", [1]) }
    }

    @Test func aCreateMakesItsCollectionsOnceAndNeverOverwrites() throws {
        for honours in [true, false] {
            let server = FakeDAVServer(honoursIfNoneMatch: honours, fullURLs: true)
            let store = store(server)
            #expect(try store.putIfAbsent("g/feeds/a b/ü$.seg", [1, 2]))
            #expect(try !store.putIfAbsent("g/feeds/a b/ü$.seg", [3]))
            #expect(try store.putIfAbsent("g/feeds/a b/2.seg", [4]))
            #expect(server.file("/dav/g/feeds/a b/ü$.seg") == [1, 2])
            let sent = server.transport.requests.map { "\($0.method) \($0.target)" }
            #expect(sent == ["MKCOL /dav/g/", "MKCOL /dav/g/feeds/", "MKCOL /dav/g/feeds/a%20b/",
                             "HEAD /dav/g/feeds/a%20b/%C3%BC%24.seg", "PUT /dav/g/feeds/a%20b/%C3%BC%24.seg",
                             "HEAD /dav/g/feeds/a%20b/%C3%BC%24.seg",
                             "HEAD /dav/g/feeds/a%20b/2.seg", "PUT /dav/g/feeds/a%20b/2.seg"])
            let put = server.transport.requests[4]
            #expect(put.header("If-None-Match") == "*" && put.body == [1, 2])
            #expect(try store.list(prefix: "g/", after: nil) == [RemoteObject(key: "g/feeds/a b/2.seg", size: 1),
                                                                 RemoteObject(key: "g/feeds/a b/ü$.seg", size: 2)])
        }
    }

    @Test func collectionsThatExistAreTakenAsThey() throws {
        let server = feeds()
        #expect(try store(server).putIfAbsent("g/feeds/a/3", [3]))
        #expect(server.file("/dav/g/feeds/a/3") == [3])
    }

    @Test func aCreateThatLosesARaceToTheSameKeyIsFalse() throws {
        let server = FakeDAVServer()
        server.add("/dav/g/x")
        // The key appears between the HEAD and the PUT.
        server.overrides["HEAD /dav/g/k"] = HTTPResponse(status: 404)
        server.add("/dav/g/k", [9])
        #expect(try !store(server).putIfAbsent("g/k", [1]))
        #expect(server.file("/dav/g/k") == [9])
    }

    @Test func getReadsAFileAndAMissingOneIsNil() throws {
        let server = feeds()
        #expect(try store(server).get("g/feeds/a/1", limit: 100) == Array("g/feeds/a/1".utf8))
        #expect(try store(server).get("g/feeds/a/9", limit: 100) == nil)
        #expect(throws: RemoteError.tooLarge("https://dav.example/dav/g/feeds/a/1", limit: 3)) { try store(server).get("g/feeds/a/1", limit: 3) }
        #expect(server.transport.requests.allSatisfy { $0.header("Authorization") == "Basic c2VjcmV0YXJpYXQ6cGE1NS1XMFJE" })
    }

    @Test(arguments: [
        (HTTPResponse(status: 401, body: Array("Unauthorized: wrong pa55-W0RD for secretariat".utf8)),
         RemoteError.denied("GET /dav/g/k: Unauthorized: wrong [hidden] for secretariat")),
        (HTTPResponse(status: 403), .denied("GET /dav/g/k")),
        (HTTPResponse(status: 507, body: Array("Insufficient Storage\n".utf8)), .serverFailed(status: 507, "GET /dav/g/k: Insufficient Storage")),
        (HTTPResponse(status: 429), .serverFailed(status: 429, "GET /dav/g/k")),
        (HTTPResponse(status: 423, body: Array("<?xml version=\"1.0\"?><d:error xmlns:d=\"DAV:\"/>".utf8)), .refused(status: 423, "GET /dav/g/k")),
    ])
    func otherAnswersAreMapped(_ answer: HTTPResponse, _ expected: RemoteError) {
        let server = feeds()
        server.overrides["GET /dav/g/k"] = answer
        #expect(throws: expected) { try store(server).get("g/k", limit: 10) }
    }

    @Test func failuresOfEachStepAreMapped() {
        let server = feeds()
        server.overrides["MKCOL /dav/g/new"] = HTTPResponse(status: 403)
        #expect(throws: RemoteError.denied("MKCOL /dav/g/new/")) { try store(server).putIfAbsent("g/new/k", [1]) }
        server.overrides["PROPFIND /dav/g/feeds"] = HTTPResponse(status: 500)
        #expect(throws: RemoteError.serverFailed(status: 500, "PROPFIND /dav/g/feeds/")) { try store(server).list(prefix: "g/feeds/", after: nil) }
        server.overrides["PUT /dav/g/feeds/a/4"] = HTTPResponse(status: 415)
        #expect(throws: RemoteError.refused(status: 415, "PUT /dav/g/feeds/a/4")) { try store(server).putIfAbsent("g/feeds/a/4", [1]) }
    }

    @Test func theDisplayNameSaysWhereWithoutCredentials() {
        let store = store(FakeDAVServer(), base: "/remote.php/dav/files/a b/")
        #expect(store.displayName == "WebDAV at https://dav.example/remote.php/dav/files/a%20b/")
        #expect(!"\(Self.credentials)".contains("pa55") && !String(reflecting: Self.credentials).contains("pa55"))
    }
}
