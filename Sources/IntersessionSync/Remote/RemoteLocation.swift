import Foundation
import IntersessionCore

/// Where a remote is, as typed after `--remote` and remembered: `s3://BUCKET/PREFIX`,
/// `webdav://HOST[:PORT]/PATH` (plain HTTP) or `webdavs://…` (HTTPS). Never a credential: a URL
/// with a user or a password in it is refused, so that none is remembered, printed or written
/// to an invite (credentials come from the environment or the profile's config).
public struct RemoteLocation: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable { case s3, webdav, webdavs }

    public let kind: Kind
    /// The bucket (S3), or the host (WebDAV).
    public let host: String
    public let port: Int?
    /// Below the bucket or the server's root, without a `/` at either end; may be empty.
    public let path: String

    public init(parsing text: String) throws(RemoteError) {
        guard let schemeEnd = text.range(of: "://"), let kind = Kind(rawValue: String(text[..<schemeEnd.lowerBound]).lowercased()) else {
            throw .notConfigured("a remote is s3://BUCKET/PREFIX or webdav://HOST/PATH, not \(text.terminalSafe)")
        }
        let rest = text[schemeEnd.upperBound...]
        let authority = String(rest.prefix { $0 != "/" })
        guard !authority.contains("@") else {
            throw .notConfigured("credentials belong in the environment or the profile's config, never in a remote's address")
        }
        (self.host, self.port) = try Self.split(authority, kind: kind)
        self.kind = kind
        path = rest.dropFirst(authority.count).split(separator: "/").joined(separator: "/")
        guard !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
            throw .notConfigured("a remote's path may not hold . or .. parts")
        }
    }

    private static func split(_ authority: String, kind: Kind) throws(RemoteError) -> (String, Int?) {
        if kind == .s3 {
            let valid = (3...63).contains(authority.count) && authority.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == ".") }
            guard valid else { throw .notConfigured("\(authority.terminalSafe) is not a bucket name (3 to 63 of a-z, 0-9, . and -)") }
            return (authority, nil)
        }
        var host = authority
        var port: Int?
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            guard let number = Int(authority[authority.index(after: colon)...]), (1...65535).contains(number) else {
                throw .notConfigured("\(authority.terminalSafe) has no valid port")
            }
            host = String(authority[..<colon])
            port = number
        }
        host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard !host.isEmpty, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-.:".contains($0)) }) else {
            throw .notConfigured("\(authority.terminalSafe) is not a host name")
        }
        return (host, port)
    }

    /// The canonical form, as remembered and printed.
    public var description: String {
        let authority = kind == .s3 ? host : (host.contains(":") ? "[\(host)]" : host) + (port.map { ":\($0)" } ?? "")
        return "\(kind.rawValue)://\(authority)" + (path.isEmpty ? "" : "/" + path)
    }

    /// The name of this remote's mirror folder in the home: the same remote, the same folder.
    public var mirrorName: String {
        var hasher = ContentHasher()
        hasher.update(description)
        return "remote-" + String(hasher.finalizeHex().prefix(16))
    }
}
