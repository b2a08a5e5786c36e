import Foundation

/// Where HTTP requests go: `http` or `https`, a host and a port.
public struct HTTPEndpoint: Sendable, Hashable {
    public let secure: Bool
    public let host: String
    public let port: Int

    public init(secure: Bool, host: String, port: Int? = nil) {
        self.secure = secure
        self.host = host
        self.port = port ?? (secure ? 443 : 80)
    }

    /// The `Host` header's value: the port only when it is not the scheme's own.
    public var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (secure ? 443 : 80) ? name : "\(name):\(port)"
    }

    /// `http://host:port` or `https://…`, for messages.
    public var origin: String { (secure ? "https://" : "http://") + hostHeader }
}

/// One request: `target` is the path and query as sent on the request line, already
/// percent-encoded (a signer signs exactly these bytes).
public struct HTTPRequest: Sendable {
    public var method: String
    public var endpoint: HTTPEndpoint
    public var target: String
    /// Header names as they are sent; `Host` and `Content-Length` are added by the transport.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// The most bytes of body the answer may have; a longer answer is refused (`tooLarge`).
    public var responseLimit: Int

    public init(method: String, endpoint: HTTPEndpoint, target: String, headers: [(name: String, value: String)] = [],
                body: [UInt8] = [], responseLimit: Int = 16 * 1024 * 1024) {
        self.method = method
        self.endpoint = endpoint
        self.target = target
        self.headers = headers
        self.body = body
        self.responseLimit = responseLimit
    }
}

/// One answer: header names in lower case (a repeated header's values joined by `, `).
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Sends requests and returns answers, whatever their status; fails only when no complete
/// answer came (`RemoteError.unreachable`, `.badResponse`, `.tooLarge`).
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) throws(RemoteError) -> HTTPResponse
}
