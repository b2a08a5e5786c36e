import Foundation
@testable import IntersessionSync

/// A WebDAV server in memory, enough of one for the store: PROPFIND (depth 0 and 1), MKCOL,
/// HEAD, GET and PUT, with or without honouring `If-None-Match: *`. Its multistatus uses
/// another prefix than rclone's, full URLs or paths, and collections with or without their `/`.
final class FakeDAVServer: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [UInt8]] = [:]
    private var collections: Set<String>
    let honoursIfNoneMatch: Bool
    let fullURLs: Bool
    /// Answers that replace the server's for requests whose method and decoded path match.
    var overrides: [String: HTTPResponse] = [:]

    /// Holds the server as long as a store holds the transport (a cycle a test can afford).
    private(set) lazy var transport = FakeTransport { request, _ in self.answer(request) }

    init(base: String = "/dav", honoursIfNoneMatch: Bool = true, fullURLs: Bool = false) {
        collections = base.isEmpty ? ["/"] : ["/", base]
        self.honoursIfNoneMatch = honoursIfNoneMatch
        self.fullURLs = fullURLs
    }

    /// Puts a file at `path` (decoded, absolute), with every collection above it.
    func add(_ path: String, _ bytes: [UInt8] = []) {
        lock.lock(); defer { lock.unlock() }
        files[path] = bytes
        var parent = Self.parent(path)
        while parent != "/" { collections.insert(parent); parent = Self.parent(parent) }
    }

    func file(_ path: String) -> [UInt8]? { lock.lock(); defer { lock.unlock() }; return files[path] }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    func answer(_ request: HTTPRequest) -> HTTPResponse {
        lock.lock(); defer { lock.unlock() }
        var path = PercentEncoding.decode(request.target)
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if let override = overrides["\(request.method) \(path)"] { return override }
        switch request.method {
        case "PROPFIND":
            let depth = request.header("Depth") ?? "infinity"
            if files[path] != nil { return multistatus([entry(path, collection: false)]) }
            guard collections.contains(path) else { return HTTPResponse(status: 404) }
            var entries = [entry(path, collection: true)]
            if depth == "1" {
                let children = (files.keys.filter { Self.parent($0) == path }.map { ($0, false) }
                    + collections.filter { $0 != "/" && Self.parent($0) == path }.map { ($0, true) }).sorted { $0.0 > $1.0 }
                entries += children.map { entry($0.0, collection: $0.1) }
            }
            return multistatus(entries)
        case "MKCOL":
            if collections.contains(path) || files[path] != nil { return HTTPResponse(status: 405) }
            guard collections.contains(Self.parent(path)) else { return HTTPResponse(status: 409) }
            collections.insert(path)
            return HTTPResponse(status: 201)
        case "HEAD", "GET":
            guard let bytes = files[path] else { return HTTPResponse(status: 404, body: Array("Not Found".utf8)) }
            return HTTPResponse(status: 200, body: request.method == "GET" ? bytes : [])
        case "PUT":
            guard collections.contains(Self.parent(path)) else { return HTTPResponse(status: 409) }
            if files[path] != nil && honoursIfNoneMatch && request.header("If-None-Match") == "*" { return HTTPResponse(status: 412) }
            files[path] = request.body
            return HTTPResponse(status: 201)
        default:
            return HTTPResponse(status: 405)
        }
    }

    func entry(_ path: String, collection: Bool) -> String {
        let encoded = path.split(separator: "/").map { PercentEncoding.encode(String($0)) }.joined(separator: "/")
        // Collections end in `/` here only every other time: the type says what they are.
        let href = (fullURLs ? "http://dav.example:8080/" : "/") + encoded + (collection && encoded.count % 2 == 0 ? "/" : "")
        let type = collection ? "<d:resourcetype><d:collection/></d:resourcetype>" : "<d:resourcetype/>"
        let length = collection ? "" : "<d:getcontentlength>\(files[path]!.count)</d:getcontentlength>"
        return "<d:response><d:href>\(href)</d:href><d:propstat><d:prop>\(type)\(length)</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>"
            + "<d:propstat><d:prop><d:quota-used-bytes/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat></d:response>"
    }

    func multistatus(_ entries: [String]) -> HTTPResponse {
        .xml(207, "<?xml version=\"1.0\"?>\n<d:multistatus xmlns:d=\"DAV:\" xmlns:oc=\"http://owncloud.org/ns\">\(entries.joined())</d:multistatus>")
    }
}
