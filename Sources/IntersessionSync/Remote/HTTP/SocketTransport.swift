#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// HTTP/1.1 over the system's sockets, and over OpenSSL for `https` (the release binary is
/// static, which libcurl and so URLSession cannot be). One idle connection per endpoint is
/// kept for the next request; one that the server closed while idle is replaced once.
public final class SocketTransport: HTTPTransport, @unchecked Sendable {
    private let connectTimeout: Duration
    private let ioTimeout: Duration
    private let trust: TLSTrust
    // Guards `idle`; a connection taken out of it belongs to one request until put back.
    private let lock = NSLock()
    private var idle: [HTTPEndpoint: SocketConnection] = [:]

    /// `caFile`: the certificates to trust instead of the system's (a self-signed server).
    public init(caFile: String? = nil, connectTimeout: Duration = .seconds(10), ioTimeout: Duration = .seconds(30)) {
        self.connectTimeout = connectTimeout
        self.ioTimeout = ioTimeout
        trust = TLSTrust(caFile: caFile)
    }

    public func send(_ request: HTTPRequest) throws(RemoteError) -> HTTPResponse {
        let head = try HTTPRequestHead.encode(request)
        if let kept = takeIdle(request.endpoint) {
            do {
                return try exchange(request, head: head, on: kept)
            } catch let error where !kept.closedBeforeAnswer {
                throw error
            } catch {
                // The server closed the kept connection before it read the request: it did
                // nothing with it, so it goes again, once, on a new connection.
            }
        }
        return try exchange(request, head: head, on: open(request.endpoint))
    }

    private func exchange(_ request: HTTPRequest, head: [UInt8], on connection: SocketConnection) throws(RemoteError) -> HTTPResponse {
        connection.beginExchange()
        // A small body goes in the head's packet; a large one is not copied to join it.
        if request.body.count <= 16 * 1024 {
            try connection.write(head + request.body)
        } else {
            try connection.write(head)
            try connection.write(request.body)
        }
        let reader = HTTPResponseReader(connection: connection, method: request.method, limit: request.responseLimit)
        let (response, reusable) = try reader.read()
        if reusable { putIdle(connection) }
        return response
    }

    private func open(_ endpoint: HTTPEndpoint) throws(RemoteError) -> SocketConnection {
        let fd = try SocketConnector.connectedSocket(host: endpoint.host, port: endpoint.port,
                                                     timeout: connectTimeout, ioTimeout: ioTimeout)
        guard endpoint.secure else { return SocketConnection(endpoint: endpoint, fd: fd, tls: nil) }
        do {
            let session = try TLSSession(context: trust.context(), fd: fd, host: endpoint.host)
            return SocketConnection(endpoint: endpoint, fd: fd, tls: session)
        } catch {
            close(fd)
            throw error
        }
    }

    private func takeIdle(_ endpoint: HTTPEndpoint) -> SocketConnection? {
        lock.lock()
        let kept = idle.removeValue(forKey: endpoint)
        lock.unlock()
        // One the server closed while it waited is dropped here; one it closes just now is
        // caught by `closedBeforeAnswer`.
        guard let kept, kept.isQuietWhileIdle else { return nil }
        return kept
    }

    private func putIdle(_ connection: SocketConnection) {
        lock.lock()
        // A connection it replaces (two requests at once) is closed, outside the lock.
        let replaced = idle.updateValue(connection, forKey: connection.endpoint)
        lock.unlock()
        _ = replaced
    }
}
