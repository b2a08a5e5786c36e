import Foundation
import Testing
@testable import IntersessionSync

/// The store's requests and how it reads every answer, against a fake transport: the answers
/// that a real server gives only when something is wrong (bad credentials, throttling, a server
/// without conditional writes).
@Suite struct S3StoreTests {
    static let credentials = S3Credentials(accessKeyID: "AKIDSTORETEST", secretAccessKey: "s3cr3t/STORE+TEST", sessionToken: "SESSIONTOKEN")
    static let endpoint = HTTPEndpoint(secure: false, host: "127.0.0.1", port: 9000)

    func store(_ transport: any HTTPTransport, prefix: String = "groups/one", addressing: S3Store.Addressing = .path,
               pageSize: Int = 1000) -> S3Store {
        S3Store(endpoint: Self.endpoint, bucket: "bucket", prefix: prefix, region: "us-east-1", credentials: Self.credentials,
                addressing: addressing, transport: transport, clock: { Date(timeIntervalSince1970: 1_790_000_000) },
                pause: { _ in }, pageSize: pageSize)
    }

    /// The decoded query of a request's target.
    func query(_ request: HTTPRequest) -> [String: String] {
        let (_, query) = SigV4Signer.split(request.target)
        var out: [String: String] = [:]
        for part in query.split(separator: "&") {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            out[PercentEncoding.decode(pieces[0])] = PercentEncoding.decode(pieces.count > 1 ? pieces[1] : "")
        }
        return out
    }

    func page(_ keys: [String], token: String?) -> HTTPResponse {
        let contents = keys.map { "<Contents><Key>\($0)</Key><Size>\($0.utf8.count)</Size></Contents>" }.joined()
        let next = token.map { "<IsTruncated>true</IsTruncated><NextContinuationToken>\($0)</NextContinuationToken>" }
            ?? "<IsTruncated>false</IsTruncated>"
        return .xml(200, "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\(contents)\(next)</ListBucketResult>")
    }

    @Test func aListingFollowsItsContinuationTokensAndGivesKeysBelowThePrefix() throws {
        let transport = FakeTransport { request, index in
            switch index {
            case 0: page(["groups/one/feeds/b/1", "groups/one/feeds/b/2"], token: "t/1+")
            case 1: page(["groups/one/feeds/c é", "groups/one/feeds/c/1"], token: "t2")
            default: page(["groups/one/feeds/d"], token: nil)
            }
        }
        let objects = try store(transport, prefix: "/groups/one/", pageSize: 2).list(prefix: "feeds/", after: "feeds/a")
        #expect(objects.map(\.key) == ["feeds/b/1", "feeds/b/2", "feeds/c é", "feeds/c/1", "feeds/d"])
        #expect(objects[2].size == "groups/one/feeds/c é".utf8.count)
        let queries = transport.requests.map(query)
        #expect(transport.requests.allSatisfy { $0.method == "GET" && $0.target.hasPrefix("/bucket?") })
        #expect(queries[0] == ["list-type": "2", "max-keys": "2", "prefix": "groups/one/feeds/", "start-after": "groups/one/feeds/a"])
        #expect(queries[1]["continuation-token"] == "t/1+" && queries[2]["continuation-token"] == "t2")
        #expect(transport.requests.allSatisfy { $0.header("Authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDSTORETEST/20260921/us-east-1/s3/aws4_request,") == true })
    }

    @Test func aListingWithoutAfterOrPrefixAsksForTheWholePrefix() throws {
        let transport = FakeTransport([page(["k/a", "k/b"], token: nil)])
        #expect(try store(transport, prefix: "k").list(prefix: "", after: nil).map(\.key) == ["a", "b"])
        #expect(query(transport.requests[0]) == ["list-type": "2", "max-keys": "1000", "prefix": "k/"])
    }

    @Test func aListingThatLoopsOrStopsWithoutATokenIsABadResponse() {
        let stuck = FakeTransport([page(["k/a"], token: "same")])
        #expect(throws: RemoteError.badResponse("a truncated listing without a new continuation token")) {
            try store(stuck, prefix: "k").list(prefix: "", after: nil)
        }
        #expect(stuck.requests.count == 2)
        let tokenless = FakeTransport([.xml(200, "<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>")])
        #expect(throws: RemoteError.self) { try store(tokenless).list(prefix: "", after: nil) }
    }

    @Test func getReadsAnObjectAndAMissingKeyIsNil() throws {
        let transport = FakeTransport { request, _ in
            request.target.hasSuffix("/there") ? HTTPResponse(status: 200, body: [1, 2, 3])
                : .s3Error(404, "NoSuchKey", "The specified key does not exist.")
        }
        let store = store(transport)
        #expect(try store.get("feeds/there", limit: 10) == [1, 2, 3])
        #expect(try store.get("feeds/missing", limit: 10) == nil)
        #expect(transport.requests[0].target == "/bucket/groups/one/feeds/there")
        #expect(transport.requests[0].responseLimit == S3Store.errorBodyAllowance)
        #expect(throws: RemoteError.tooLarge("s3://bucket/groups/one/feeds/there", limit: 2)) { try store.get("feeds/there", limit: 2) }
    }

    @Test func aMissingBucketIsNoSuchPlace() {
        let transport = FakeTransport([.s3Error(404, "NoSuchBucket", "The specified bucket does not exist")])
        let expected = RemoteError.noSuchPlace("the bucket bucket at http://127.0.0.1:9000")
        #expect(throws: expected) { try store(transport).get("k", limit: 10) }
        #expect(throws: expected) { try store(transport).list(prefix: "", after: nil) }
        #expect(throws: expected) { try store(transport).putIfAbsent("k", [1]) }
    }

    @Test func aCreateIsConditionalAndATakenKeyIsFalse() throws {
        let transport = FakeTransport { _, index in
            index == 0 ? HTTPResponse(status: 200) : .s3Error(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold")
        }
        let store = store(transport)
        #expect(try store.putIfAbsent("feeds/a b$.seg", [7, 8]))
        #expect(try !store.putIfAbsent("feeds/a b$.seg", [9]))
        let put = transport.requests[0]
        #expect(put.method == "PUT" && put.target == "/bucket/groups/one/feeds/a%20b%24.seg" && put.body == [7, 8])
        #expect(put.header("If-None-Match") == "*")
        #expect(put.header("x-amz-security-token") == "SESSIONTOKEN")
        #expect(put.header("Authorization")?.contains("if-none-match") == true)
    }

    @Test func aConflictingCreateIsTriedAgain() throws {
        let transport = FakeTransport { _, index in
            index < 2 ? .s3Error(409, "ConditionalRequestConflict", "A conflicting conditional operation is currently in progress against this resource.")
                : HTTPResponse(status: 200)
        }
        #expect(try store(transport).putIfAbsent("k", [1]))
        #expect(transport.requests.count == 3)
        let always = FakeTransport([.s3Error(409, "ConditionalRequestConflict", "A conflicting conditional operation is in progress.")])
        #expect(throws: RemoteError.refused(status: 409, "ConditionalRequestConflict: A conflicting conditional operation is in progress.")) {
            try store(always).putIfAbsent("k", [1])
        }
        #expect(always.requests.count == S3Store.conflictAttempts)
        // Another conflict (a bucket being deleted, say) is not tried again.
        let other = FakeTransport([.s3Error(409, "OperationAborted", "A conflicting operation is in progress on this bucket.")])
        #expect(throws: RemoteError.self) { try store(other).putIfAbsent("k", [1]) }
        #expect(other.requests.count == 1)
    }

    @Test(arguments: [HTTPResponse.s3Error(501, "NotImplemented", "A header you provided implies functionality that is not implemented"),
                      HTTPResponse.s3Error(400, "NotImplemented", "If-None-Match is not supported"), HTTPResponse(status: 501)])
    func aServerWithoutConditionalWritesIsRefusedClearly(_ answer: HTTPResponse) {
        do {
            _ = try store(FakeTransport([answer])).putIfAbsent("k", [1])
            Issue.record("a create succeeded on a server without conditional writes")
        } catch {
            guard case .refused(let status, let text) = error else { Issue.record("\(error)"); return }
            #expect(status == answer.status)
            #expect(text.hasPrefix("this server does not support create-only writes (PUT with If-None-Match: *)"))
        }
    }

    @Test(arguments: [
        (HTTPResponse.s3Error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."),
         RemoteError.denied("InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.")),
        (.s3Error(403, "SignatureDoesNotMatch", "Key AKIDSTORETEST with s3cr3t/STORE+TEST and SESSIONTOKEN does not sign this"),
         .denied("SignatureDoesNotMatch: Key [hidden] with [hidden] and [hidden] does not sign this")),
        (.s3Error(401, "Unauthorized", "No."), .denied("Unauthorized: No.")),
        (.s3Error(500, "InternalError", "We encountered an internal error. Please try again."),
         .serverFailed(status: 500, "InternalError: We encountered an internal error. Please try again.")),
        (.s3Error(503, "SlowDown", "Please reduce your request rate."), .serverFailed(status: 503, "SlowDown: Please reduce your request rate.")),
        (HTTPResponse(status: 502, body: Array("<html>Bad Gateway</html>".utf8)), .serverFailed(status: 502, "no error details (HTTP 502)")),
        (.s3Error(400, "InvalidArgument", "Invalid\u{1B}[31m argument\n"), .refused(status: 400, "InvalidArgument: Invalid [31m argument")),
        (.s3Error(301, "PermanentRedirect", "The bucket you are attempting to access must be addressed using the specified endpoint."),
         .refused(status: 301, "PermanentRedirect: The bucket you are attempting to access must be addressed using the specified endpoint.")),
        (.s3Error(400, "AuthorizationHeaderMalformed", "the region 'us-east-1' is wrong; expecting 'eu-west-3'"),
         .refused(status: 400, "AuthorizationHeaderMalformed: the region 'us-east-1' is wrong; expecting 'eu-west-3'")),
    ])
    func everyOtherAnswerIsMappedWithTheServersCodeAndMessage(_ answer: HTTPResponse, _ expected: RemoteError) {
        #expect(throws: expected) { try store(FakeTransport([answer])).list(prefix: "", after: nil) }
        #expect(throws: expected) { try store(FakeTransport([answer])).get("k", limit: 10) }
        #expect(throws: expected) { try store(FakeTransport([answer])).putIfAbsent("k", [1]) }
        #expect(!"\(expected)".contains("AKIDSTORETEST") && !"\(expected)".contains("s3cr3t"))
    }

    @Test func aServerThatKeepsFailingEndsAsServerFailedAfterTheRetries() {
        let transport = FakeTransport([.s3Error(503, "SlowDown", "Please reduce your request rate.")])
        let store = store(Retrying(transport, sleep: { _ in }))
        #expect(throws: RemoteError.serverFailed(status: 503, "SlowDown: Please reduce your request rate.")) { try store.get("k", limit: 1) }
        #expect(transport.requests.count == 5)
        #expect(RemoteError.serverFailed(status: 503, "x").isTransient)
    }

    @Test func addressingPutsTheBucketInThePathOrInTheHost() throws {
        let transport = FakeTransport([HTTPResponse(status: 200, body: [1])])
        _ = try store(transport, addressing: .virtualHosted).get("a/b", limit: 10)
        _ = try store(transport, prefix: "", addressing: .path).get("a/b", limit: 10)
        let listing = FakeTransport([page([], token: nil)])
        _ = try store(listing, prefix: "", addressing: .virtualHosted).list(prefix: "x", after: nil)
        let requests = transport.requests + listing.requests
        #expect(requests[0].endpoint.host == "bucket.127.0.0.1" && requests[0].target == "/groups/one/a/b")
        #expect(requests[1].endpoint == Self.endpoint && requests[1].target == "/bucket/a/b")
        #expect(requests[2].target.hasPrefix("/?") && query(requests[2])["prefix"] == "x")
    }

    @Test func theDisplayNameSaysWhereWithoutCredentials() {
        let name = store(FakeTransport([HTTPResponse(status: 200)])).displayName
        #expect(name == "s3://bucket/groups/one at http://127.0.0.1:9000")
        #expect(store(FakeTransport([HTTPResponse(status: 200)]), prefix: "").displayName == "s3://bucket/ at http://127.0.0.1:9000")
    }
}
