import Foundation

/// A group's files in an S3-compatible bucket (AWS S3, MinIO, Garage, Ceph), below a key prefix.
/// Lists with ListObjectsV2 after a marker, reads with GET, and creates with a PUT that carries
/// `If-None-Match: *`, so that nothing is ever overwritten. Requests are signed with SigV4.
///
/// The transport is used as given: wrap it in `Retrying` to ride out 5xx answers, throttling and
/// dropped connections (an answer that still fails is `.serverFailed`).
public struct S3Store: ObjectStore {
    /// `https://host/bucket/key` (path-style: MinIO, Garage, moto) or `https://bucket.host/key`
    /// (virtual-hosted: AWS).
    public enum Addressing: Sendable { case path, virtualHosted }

    let endpoint: HTTPEndpoint
    let bucket: String
    /// The key prefix with one `/` after it, or empty.
    let prefix: String
    let addressing: Addressing
    let signer: SigV4Signer
    let transport: any HTTPTransport
    let clock: @Sendable () -> Date
    let pause: @Sendable (Double) -> Void
    let pageSize: Int
    let credentialValues: [String]

    /// A create that meets another create of the same key (409 ConditionalRequestConflict) is
    /// tried this many times in all.
    static let conflictAttempts = 5
    /// What a read may take in even when `limit` is smaller: the server's error body (a 404's
    /// XML is a few hundred bytes) must be read whole to say what went wrong.
    static let errorBodyAllowance = 64 * 1024

    public init(endpoint: HTTPEndpoint, bucket: String, prefix: String = "", region: String, credentials: S3Credentials,
                addressing: Addressing = .path, transport: any HTTPTransport, clock: @escaping @Sendable () -> Date = { Date() },
                pause: @escaping @Sendable (Double) -> Void = Retrying.sleep) {
        self.init(endpoint: endpoint, bucket: bucket, prefix: prefix, region: region, credentials: credentials,
                  addressing: addressing, transport: transport, clock: clock, pause: pause, pageSize: 1000)
    }

    /// `pageSize`: the `max-keys` of each listing request (S3 answers at most 1000).
    init(endpoint: HTTPEndpoint, bucket: String, prefix: String, region: String, credentials: S3Credentials,
         addressing: Addressing, transport: any HTTPTransport, clock: @escaping @Sendable () -> Date,
         pause: @escaping @Sendable (Double) -> Void, pageSize: Int) {
        self.endpoint = endpoint
        self.bucket = bucket
        let trimmed = prefix.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
        self.prefix = trimmed.isEmpty ? "" : trimmed + "/"
        self.addressing = addressing
        self.signer = SigV4Signer(credentials: credentials, region: region)
        self.transport = transport
        self.clock = clock
        self.pause = pause
        self.pageSize = min(max(1, pageSize), 1000)
        self.credentialValues = credentials.values
    }

    public var displayName: String {
        "s3://\(bucket)/\(prefix.isEmpty ? "" : String(prefix.dropLast())) at \(endpoint.origin)"
    }

    public func list(prefix: String, after: String?) throws(RemoteError) -> [RemoteObject] {
        var objects: [RemoteObject] = []
        var token: String?
        var tokens: Set<String> = []
        while true {
            var query = [("list-type", "2"), ("max-keys", String(pageSize)), ("prefix", self.prefix + prefix)]
            if let after { query.append(("start-after", self.prefix + after)) }
            if let token { query.append(("continuation-token", token)) }
            let response = try send("GET", target: bucketTarget(query: query))
            guard response.status == 200 else { throw failure(response) }
            let page = try S3Answers.listPage(response.body)
            for object in page.objects where object.key.hasBytePrefix(self.prefix) {
                let key = object.key.droppingBytePrefix(self.prefix)
                guard key.hasBytePrefix(prefix), after.map({ $0.bytesPrecede(key) }) ?? true else { continue }
                objects.append(RemoteObject(key: key, size: object.size, tag: object.tag))
            }
            guard page.isTruncated else { break }
            guard let next = page.nextContinuationToken, tokens.insert(next).inserted else {
                throw .badResponse("a truncated listing without a new continuation token")
            }
            token = next
        }
        return objects.inByteOrder()
    }

    public func read(_ key: String, limit: Int) throws(RemoteError) -> StoredObject? {
        let response = try send("GET", target: objectTarget(key), responseLimit: max(limit, Self.errorBodyAllowance))
        switch response.status {
        case 200:
            guard response.body.count <= limit else { throw .tooLarge(describe(key), limit: limit) }
            return StoredObject(bytes: response.body, tag: response.headers["etag"])
        case 404:
            if let error = S3Answers.error(response.body), error.code == "NoSuchBucket" { throw failure(response) }
            return nil
        default:
            throw failure(response)
        }
    }

    public func create(_ key: String, _ bytes: [UInt8]) throws(RemoteError) -> Creation {
        var attempt = 1
        while true {
            let response = try send("PUT", target: objectTarget(key), headers: [("If-None-Match", "*"), ("Content-Type", "application/octet-stream")],
                                body: bytes)
            let error = S3Answers.error(response.body)
            switch response.status {
            case 200, 201, 204:
                return .written(tag: ObjectTag.usable(response.headers["etag"]))
            case 412:
                return .taken
            case 409 where (error == nil || error?.code == "ConditionalRequestConflict") && attempt < Self.conflictAttempts:
                pause(0.1 * Double(1 << (attempt - 1)))
                attempt += 1
            case 501:
                throw unsupportedConditionalWrite(response)
            case 400..<500 where error?.code == "NotImplemented":
                throw unsupportedConditionalWrite(response)
            default:
                throw failure(response)
            }
        }
    }

    // MARK: - Requests

    func send(_ method: String, target: String, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
              responseLimit: Int = 16 * 1024 * 1024) throws(RemoteError) -> HTTPResponse {
        let request = HTTPRequest(method: method, endpoint: requestEndpoint, target: target, headers: headers, body: body,
                                  responseLimit: responseLimit)
        return try transport.send(signer.signed(request, at: clock()))
    }

    var requestEndpoint: HTTPEndpoint {
        switch addressing {
        case .path: endpoint
        case .virtualHosted: HTTPEndpoint(secure: endpoint.secure, host: bucket + "." + endpoint.host, port: endpoint.port)
        }
    }

    func objectTarget(_ key: String) -> String {
        let path = PercentEncoding.encode(prefix + key, keepSlash: true)
        switch addressing {
        case .path: return "/" + PercentEncoding.encode(bucket) + "/" + path
        case .virtualHosted: return "/" + path
        }
    }

    func bucketTarget(query: [(String, String)]) -> String {
        let encoded = query.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }.joined(separator: "&")
        switch addressing {
        case .path: return "/" + PercentEncoding.encode(bucket) + "?" + encoded
        case .virtualHosted: return "/?" + encoded
        }
    }

    func describe(_ key: String) -> String { "s3://\(bucket)/\(prefix)\(key)" }

    // MARK: - Errors

    /// The server's `Code: Message`, printable, without any credential in it.
    func details(_ response: HTTPResponse) -> String {
        guard let error = S3Answers.error(response.body) else { return "no error details (HTTP \(response.status))" }
        return RemoteText.printable(error.message.isEmpty ? error.code : "\(error.code): \(error.message)",
                                    hiding: credentialValues)
    }

    /// What a status other than the expected ones means.
    func failure(_ response: HTTPResponse) -> RemoteError {
        let code = S3Answers.error(response.body)?.code
        switch response.status {
        case 401, 403:
            return .denied(details(response))
        case 404 where code == "NoSuchBucket":
            return .noSuchPlace("the bucket \(bucket) at \(endpoint.origin)")
        case 429, 500..<600:
            return .serverFailed(status: response.status, details(response))
        default:
            return .refused(status: response.status, details(response))
        }
    }

    func unsupportedConditionalWrite(_ response: HTTPResponse) -> RemoteError {
        .refused(status: response.status,
                 "this server does not support create-only writes (PUT with If-None-Match: *), without which a file could be overwritten; use a server or a version of it that does: \(details(response))")
    }
}
