import Crypto
import Foundation
import IntersessionCore

/// Signs S3 requests with AWS Signature Version 4 in the `Authorization` header. Every header
/// the request carries is signed, with `host`, `x-amz-content-sha256` (the body's SHA-256: the
/// body is always hashed, never sent as `UNSIGNED-PAYLOAD`), `x-amz-date` and, with temporary
/// credentials, `x-amz-security-token`. The canonical URI is the target's path exactly as sent
/// (S3 does not encode it twice); the canonical query is decoded, encoded again the SigV4 way and
/// sorted.
struct SigV4Signer: Sendable {
    static let algorithm = "AWS4-HMAC-SHA256"

    let credentials: S3Credentials
    let region: String
    let service: String

    init(credentials: S3Credentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// The request with its `x-amz-*` headers and `Authorization` added.
    func signed(_ request: HTTPRequest, at date: Date) -> HTTPRequest {
        let time = AmzDate(date)
        var request = request
        request.headers.append(("x-amz-content-sha256", Hex.encode(SHA256.hash(data: request.body))))
        request.headers.append(("x-amz-date", time.stamp))
        if let token = credentials.sessionToken { request.headers.append(("x-amz-security-token", token)) }
        request.headers.append(("Authorization", authorization(request, time: time)))
        return request
    }

    /// The `Authorization` header's value for a request that already has its `x-amz-*` headers.
    func authorization(_ request: HTTPRequest, time: AmzDate) -> String {
        let (canonical, signedHeaders) = canonicalRequest(request)
        let signature = Hex.encode(HMAC<SHA256>.authenticationCode(for: Array(stringToSign(canonical, time: time).utf8),
                                                                    using: signingKey(day: time.day)))
        return "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(scope(time)),SignedHeaders=\(signedHeaders),Signature=\(signature)"
    }

    func scope(_ time: AmzDate) -> String { "\(time.day)/\(region)/\(service)/aws4_request" }

    func stringToSign(_ canonicalRequest: String, time: AmzDate) -> String {
        [Self.algorithm, time.stamp, scope(time), Hex.encode(SHA256.hash(data: Array(canonicalRequest.utf8)))]
            .joined(separator: "\n")
    }

    func signingKey(day: String) -> SymmetricKey {
        func hmac(_ key: SymmetricKey, _ text: String) -> SymmetricKey {
            SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key)))
        }
        let secret = SymmetricKey(data: Array(("AWS4" + credentials.secretAccessKey).utf8))
        return hmac(hmac(hmac(hmac(secret, day), region), service), "aws4_request")
    }

    /// The canonical request and its signed headers' names (`host;x-amz-date;…`).
    func canonicalRequest(_ request: HTTPRequest) -> (text: String, signedHeaders: String) {
        let (path, query) = Self.split(request.target)
        var headers: [String: [String]] = ["host": [request.endpoint.hostHeader]]
        for (name, value) in request.headers where name.lowercased() != "authorization" {
            headers[name.lowercased(), default: []].append(Self.canonicalValue(value))
        }
        let names = headers.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let signedHeaders = names.joined(separator: ";")
        let headerLines = names.map { "\($0):\(headers[$0]!.joined(separator: ","))\n" }.joined()
        let payload = request.headers.last { $0.name.lowercased() == "x-amz-content-sha256" }?.value
            ?? Hex.encode(SHA256.hash(data: request.body))
        let text = [request.method, path.isEmpty ? "/" : path, Self.canonicalQuery(query), headerLines, signedHeaders, payload]
            .joined(separator: "\n")
        return (text, signedHeaders)
    }

    static func split(_ target: String) -> (path: String, query: Substring) {
        guard let mark = target.firstIndex(of: "?") else { return (target, "") }
        return (String(target[..<mark]), target[target.index(after: mark)...])
    }

    /// `name=value` pairs decoded, encoded again, sorted by name then value; a name alone is `name=`.
    static func canonicalQuery(_ query: Substring) -> String {
        guard !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: true).map { part -> (String, String) in
            let equals = part.firstIndex(of: "=")
            let name = PercentEncoding.decode(part[..<(equals ?? part.endIndex)])
            let value = equals.map { PercentEncoding.decode(part[part.index(after: $0)...]) } ?? ""
            return (PercentEncoding.encode(name), PercentEncoding.encode(value))
        }
        return pairs.sorted { left, right in
            left.0 == right.0 ? left.1.utf8.lexicographicallyPrecedes(right.1.utf8)
                : left.0.utf8.lexicographicallyPrecedes(right.0.utf8)
        }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// A header's value trimmed, its inner runs of spaces one space.
    static func canonicalValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
