import Foundation

/// One member of a collection as a PROPFIND's multistatus describes it.
struct DAVEntry: Sendable, Equatable {
    /// Percent-decoded, relative to the store's base path, without a trailing `/`; empty for the
    /// base itself.
    var path: String
    var isCollection: Bool
    var size: Int64
    /// The `getetag`, as sent (quotes and all); nil when the server gave none.
    var tag: String? = nil
}

/// Reads a `207 Multi-Status` answer: each `response`'s `href` (an absolute path or a full URL,
/// percent-encoded as the server likes), and from its successful `propstat`s the resource type
/// `getcontentlength` and `getetag`. Prefixes (`D:`, `d:`, `lp1:`, none) do not matter.
enum Multistatus {
    /// `basePath`: the store's base, decoded, starting with `/` and without a trailing one (`""`
    /// for the server's root). Entries outside it are left out.
    static func entries(_ body: [UInt8], basePath: String) throws(RemoteError) -> [DAVEntry] {
        let root = try XMLReader.parse(body)
        guard root.name == "multistatus" else { throw .badResponse("expected a multistatus, got <\(root.name)>") }
        var entries: [DAVEntry] = []
        for response in root.children("response") {
            guard let href = response.value("href"), var path = self.path(of: href) else { continue }
            var isCollection = path.hasSuffix("/") && path.count > 1
            while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
            let relative: String
            if path == basePath || (basePath.isEmpty && path == "/") {
                relative = ""
            } else if path.hasBytePrefix(basePath + "/") {
                relative = path.droppingBytePrefix(basePath + "/")
            } else {
                continue
            }
            var size: Int64 = 0
            var tag: String?
            for propstat in response.children("propstat") where succeeded(propstat) {
                guard let prop = propstat.child("prop") else { continue }
                if prop.child("resourcetype")?.child("collection") != nil { isCollection = true }
                if let length = prop.value("getcontentlength"), let value = Int64(length), value >= 0 { size = value }
                if let etag = prop.value("getetag"), !etag.isEmpty { tag = etag }
            }
            entries.append(DAVEntry(path: relative, isCollection: isCollection, size: size, tag: tag))
        }
        return entries
    }

    /// The decoded path of an href; a full URL loses its scheme and authority.
    static func path(of href: String) -> String? {
        var href = Substring(href)
        if let scheme = href.range(of: "://") {
            let rest = href[scheme.upperBound...]
            href = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        if let end = href.firstIndex(where: { $0 == "?" || $0 == "#" }) { href = href[..<end] }
        guard href.hasPrefix("/") else { return nil }
        return PercentEncoding.decode(href)
    }

    /// A propstat without a status, or with a 2xx one (`HTTP/1.1 200 OK`).
    static func succeeded(_ propstat: XMLElement) -> Bool {
        guard let status = propstat.value("status") else { return true }
        let parts = status.split(separator: " ")
        return parts.count >= 2 && parts[1].hasPrefix("2")
    }
}
