#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One open connection to an endpoint, plain or TLS, and what has been received on it and not
/// yet read. Used by one request at a time: the transport hands it from request to request.
final class SocketConnection {
    let endpoint: HTTPEndpoint
    private let fd: Int32
    private let tls: TLSSession?
    private var received: [UInt8] = []
    private var readIndex = 0
    /// Bytes received since the last `beginExchange()`.
    private(set) var receivedSinceRequest = 0
    /// Whether the peer closed or reset the connection.
    private(set) var peerClosed = false

    private static let receiveSize = 64 * 1024
    #if canImport(Glibc)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let sendFlags: Int32 = 0
    #endif

    init(endpoint: HTTPEndpoint, fd: Int32, tls: TLSSession?) {
        self.endpoint = endpoint
        self.fd = fd
        self.tls = tls
    }

    // The TLS session goes first: its close_notify needs the socket still open, and a closed
    // descriptor's number may already belong to another connection.
    deinit {
        tls?.close()
        close(fd)
    }

    /// Whether a request answered on this connection left the closed or reset one.
    var closedBeforeAnswer: Bool { peerClosed && receivedSinceRequest == 0 }

    /// Nothing unread: what arrived belonged to the answers already read.
    var hasNoUnreadBytes: Bool { readIndex == received.count }

    func beginExchange() { receivedSinceRequest = 0 }

    /// Whether an idle connection still looks usable: nothing arrived while it waited (neither
    /// bytes nor the end of the stream), so the server has not closed it yet.
    var isQuietWhileIdle: Bool {
        guard !peerClosed, hasNoUnreadBytes else { return false }
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) == 0
    }

    func write(_ bytes: [UInt8]) throws(RemoteError) {
        var offset = 0
        while offset < bytes.count {
            let outcome = bytes.withUnsafeBytes { all in
                let rest = UnsafeRawBufferPointer(rebasing: all[offset...])
                if let tls { return tls.write(rest) }
                return SocketTransfer.fromSystemCall(send(fd, rest.baseAddress, rest.count, Self.sendFlags))
            }
            guard case .bytes(let count) = outcome else { throw failure(outcome, while: "sending") }
            offset += count
        }
    }

    /// Receives more bytes; false at the end of the stream.
    func receiveMore() throws(RemoteError) -> Bool {
        if readIndex > 0 && readIndex == received.count {
            received.removeAll(keepingCapacity: true)
            readIndex = 0
        }
        let start = received.count
        received.append(contentsOf: repeatElement(0, count: Self.receiveSize))
        let outcome = received.withUnsafeMutableBytes { all in
            let space = UnsafeMutableRawBufferPointer(rebasing: all[start...])
            if let tls { return tls.read(into: space) }
            return SocketTransfer.fromSystemCall(recv(fd, space.baseAddress, space.count, 0))
        }
        let count = if case .bytes(let count) = outcome { count } else { 0 }
        received.removeLast(Self.receiveSize - count)
        receivedSinceRequest += count
        if count > 0 { return true }
        if outcome == .closed {
            peerClosed = true
            return false
        }
        throw failure(outcome, while: "waiting for the answer")
    }

    private func failure(_ outcome: SocketTransfer, while doing: String) -> RemoteError {
        switch outcome {
        case .bytes: return .unreachable("\(endpoint.origin): nothing was transferred while \(doing)")
        case .closed, .reset:
            peerClosed = true
            return .unreachable("\(endpoint.origin) closed the connection while \(doing)")
        case .timedOut: return .unreachable("\(endpoint.origin) did not answer in time (\(doing))")
        case .failed(let why): return .unreachable("\(endpoint.origin): \(why) (\(doing))")
        }
    }
}

/// Reading what was received: lines of the head, and counted or remaining bytes of a body.
extension SocketConnection {
    /// The next line without its CRLF (or bare LF); nil if the stream ended before any byte of
    /// it. A line longer than `limit` is a malformed answer, `tooLong`.
    func readLine(limit: Int, tooLong: @autoclosure () -> RemoteError) throws(RemoteError) -> [UInt8]? {
        var searched = readIndex
        while true {
            if let newline = received[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                guard newline - readIndex <= limit else { throw tooLong() }
                let end = newline > readIndex && received[newline - 1] == UInt8(ascii: "\r") ? newline - 1 : newline
                let line = Array(received[readIndex..<end])
                readIndex = newline + 1
                return line
            }
            let pending = received.count - readIndex
            guard pending <= limit else { throw tooLong() }
            // Receiving may move what is pending to the front of the buffer: search on from its end.
            guard try receiveMore() else {
                if pending == 0 { return nil }
                throw cutShort()
            }
            searched = readIndex + pending
        }
    }

    /// Exactly `count` more bytes, appended to `body`.
    func read(count: Int, into body: inout [UInt8]) throws(RemoteError) {
        var left = count
        while left > 0 {
            if readIndex == received.count {
                guard try receiveMore() else { throw cutShort() }
            }
            let take = min(left, received.count - readIndex)
            body.append(contentsOf: received[readIndex..<readIndex + take])
            readIndex += take
            left -= take
        }
    }

    /// Everything until the peer closes, appended to `body`; false as soon as it is over `limit`.
    func readToEnd(into body: inout [UInt8], limit: Int) throws(RemoteError) -> Bool {
        while true {
            body.append(contentsOf: received[readIndex...])
            readIndex = received.count
            guard body.count <= limit else { return false }
            guard try receiveMore() else { return true }
        }
    }

    func cutShort() -> RemoteError {
        .unreachable("\(endpoint.origin) closed the connection before the answer was complete")
    }
}
