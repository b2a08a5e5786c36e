import Foundation

/// A group's files on a WebDAV server (Nextcloud, ownCloud, Apache mod_dav, nginx, rclone),
/// below a base collection that must exist. Lists with PROPFIND `Depth: 1` collection by
/// collection, reads with GET, and creates with PUT after making the missing parent collections.
///
/// Not every server honours `If-None-Match: *` on PUT (rclone's does not: it overwrites), so a
/// create first asks whether the key exists (HEAD) and sends the conditional PUT only when it
/// does not. Two devices creating the same key in the same instant on such a server may both
/// write; the files the sync writes are named by their content and signed, so the second write
/// carries the same bytes or is refused when read back like any tampered file.
///
/// The transport is used as given: wrap it in `Retrying` to ride out 5xx answers, throttling and
/// dropped connections.
public final class WebDAVStore: ObjectStore, @unchecked Sendable {
    let endpoint: HTTPEndpoint
    /// The base path decoded, starting with `/` and without a trailing one; empty for the root.
    let basePath: String
    /// The same, percent-encoded a segment at a time, as requests name it.
    let encodedBase: String
    let credentials: WebDAVCredentials?
    let transport: any HTTPTransport
    /// How deep a listing walks below the collection it starts from.
    static let depthLimit = 32
    /// What a read may take in even when `limit` is smaller: the server's error body (a 404's
    /// XML is a few hundred bytes) must be read whole to say what went wrong.
    static let errorBodyAllowance = 64 * 1024

    private let lock = NSLock()
    /// Collections (`a/b/`) known to exist, so that each is made at most once.
    private var collections: Set<String> = []

    public init(endpoint: HTTPEndpoint, basePath: String, credentials: WebDAVCredentials? = nil, transport: any HTTPTransport) {
        self.endpoint = endpoint
        let segments = basePath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        self.basePath = segments.isEmpty ? "" : "/" + segments.joined(separator: "/")
        self.encodedBase = segments.isEmpty ? "" : "/" + segments.map { PercentEncoding.encode($0) }.joined(separator: "/")
        self.credentials = credentials
        self.transport = transport
    }

    public var displayName: String { "WebDAV at \(endpoint.origin)\(encodedBase)/" }

    // MARK: - ObjectStore

    public func list(prefix: String, after: String?) throws(RemoteError) -> [RemoteObject] {
        let start = prefix.lastIndex(of: "/").map { String(prefix[...$0]) } ?? ""
        var objects: [RemoteObject] = []
        guard try walk(start, prefix: prefix, after: after, depth: 0, into: &objects) else {
            if start.isEmpty { throw missingBase() }
            guard try baseExists() else { throw missingBase() }
            return []
        }
        return objects.inByteOrder()
    }

    public func read(_ key: String, limit: Int) throws(RemoteError) -> StoredObject? {
        let response = try send("GET", target(key), responseLimit: max(limit, Self.errorBodyAllowance))
        switch response.status {
        case 200:
            guard response.body.count <= limit else { throw .tooLarge(describe(key), limit: limit) }
            return StoredObject(bytes: response.body, tag: response.headers["etag"])
        case 404, 410:
            return nil
        default:
            throw failure(response, "GET", key)
        }
    }

    public func create(_ key: String, _ bytes: [UInt8]) throws(RemoteError) -> Creation {
        try makeParents(of: key)
        let head = try send("HEAD", target(key))
        switch head.status {
        case 200, 204: return .taken
        case 404, 410: break
        default: throw failure(head, "HEAD", key)
        }
        let response = try send("PUT", target(key), headers: [("If-None-Match", "*"), ("Content-Type", "application/octet-stream")],
                                body: bytes)
        switch response.status {
        case 200, 201, 204:
            return .written(tag: ObjectTag.usable(response.headers["etag"]))
        case 412:
            return .taken
        case 404, 409:
            // The parent went away since it was made or seen: make it again next time.
            withCollections { $0.removeAll() }
            throw failure(response, "PUT", key)
        default:
            throw failure(response, "PUT", key)
        }
    }

    // MARK: - Listing

    /// Adds the objects of collection `collection` (`""` or `a/b/`) and of those below it that
    /// can hold keys with `prefix` after `after`; false when the collection does not exist.
    func walk(_ collection: String, prefix: String, after: String?, depth: Int, into objects: inout [RemoteObject])
        throws(RemoteError) -> Bool {
        guard depth <= Self.depthLimit else { throw .badResponse("collections nested deeper than \(Self.depthLimit) below \(describe(prefix))") }
        let response = try send("PROPFIND", target(collection), headers: Self.propfindHeaders(depth: 1), body: Self.propfindBody)
        switch response.status {
        case 207: break
        case 404, 410: return false
        default: throw failure(response, "PROPFIND", collection)
        }
        let own = collection.isEmpty ? "" : String(collection.dropLast())
        // In the order of the keys they hold (`a.txt` before the collection `a/`), so that the walk
        // finds the keys in byte order whatever order the server lists them in.
        let entries = try Multistatus.entries(response.body, basePath: basePath).sorted {
            ($0.isCollection ? $0.path + "/" : $0.path).bytesPrecede($1.isCollection ? $1.path + "/" : $1.path)
        }
        for entry in entries {
            // Only what is below this collection: a server may list the collection itself, and a
            // broken one anything else.
            guard entry.path != own, entry.path.hasBytePrefix(collection) else { continue }
            if entry.isCollection {
                let below = entry.path + "/"
                guard below.hasBytePrefix(prefix) || prefix.hasBytePrefix(below) else { continue }
                // Keys below `below` all follow `after` when it sorts before them, and all precede it
                // when it sorts after them without starting with `below`.
                if let after, !(after.bytesPrecede(below) || after.hasBytePrefix(below)) { continue }
                _ = try walk(below, prefix: prefix, after: after, depth: depth + 1, into: &objects)
            } else if entry.path.hasBytePrefix(prefix), after.map({ $0.bytesPrecede(entry.path) }) ?? true {
                objects.append(RemoteObject(key: entry.path, size: entry.size, tag: entry.tag))
            }
        }
        return true
    }

    func baseExists() throws(RemoteError) -> Bool {
        let response = try send("PROPFIND", target(""), headers: Self.propfindHeaders(depth: 0), body: Self.propfindBody)
        switch response.status {
        case 207, 200: return true
        case 404, 410: return false
        default: throw failure(response, "PROPFIND", "")
        }
    }

    static func propfindHeaders(depth: Int) -> [(name: String, value: String)] {
        [("Depth", String(depth)), ("Content-Type", "application/xml; charset=utf-8")]
    }

    static let propfindBody = Array("""
        <?xml version="1.0" encoding="utf-8"?>
        <D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/><D:getcontentlength/><D:getetag/></D:prop></D:propfind>
        """.utf8)

    // MARK: - Creating

    /// Makes every collection above `key` that is not known to exist, from the top down.
    func makeParents(of key: String) throws(RemoteError) {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var collection = ""
        for part in parts {
            collection += part + "/"
            if withCollections({ $0.contains(collection) }) { continue }
            let response = try send("MKCOL", target(collection))
            switch response.status {
            // 405: it exists already (some, rclone among them, answer 201 again).
            case 200, 201, 204, 405:
                withCollections { _ = $0.insert(collection) }
            case 409 where !collection.dropLast().contains("/"):
                throw missingBase()
            default:
                throw failure(response, "MKCOL", collection)
            }
        }
    }

    private func withCollections<Result>(_ work: (inout Set<String>) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return work(&collections)
    }

    // MARK: - Requests

    /// The encoded target of a key or of a collection (`a/b/`, `""` for the base).
    func target(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return encodedBase + "/" + segments.map { PercentEncoding.encode(String($0)) }.joined(separator: "/")
    }

    func send(_ method: String, _ target: String, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
              responseLimit: Int = 16 * 1024 * 1024) throws(RemoteError) -> HTTPResponse {
        var headers = headers
        if let credentials { headers.append(("Authorization", credentials.basicAuthorization)) }
        return try transport.send(HTTPRequest(method: method, endpoint: endpoint, target: target, headers: headers, body: body,
                                              responseLimit: responseLimit))
    }

    func describe(_ path: String) -> String { "\(endpoint.origin)\(basePath)/\(path)" }

    // MARK: - Errors

    func missingBase() -> RemoteError { .noSuchPlace("the collection \(basePath.isEmpty ? "/" : basePath) at \(endpoint.origin)") }

    /// What a status other than the expected ones means: the method, the path and, when the server
    /// said something short in plain text, that.
    func failure(_ response: HTTPResponse, _ method: String, _ path: String) -> RemoteError {
        var text = "\(method) \(basePath)/\(path)"
        let said = RemoteText.printable(String(decoding: response.body.prefix(400), as: UTF8.self),
                                        hiding: credentials?.values ?? [], limit: 200)
        if !said.isEmpty && !said.hasPrefix("<") { text += ": " + said }
        switch response.status {
        case 401, 403: return .denied(text)
        case 429, 500..<600: return .serverFailed(status: response.status, text)
        default: return .refused(status: response.status, text)
        }
    }
}
