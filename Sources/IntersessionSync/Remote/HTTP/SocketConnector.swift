#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens TCP connections: to each address a name resolves to (IPv6 and IPv4, literals too), in
/// the resolver's order, until one answers within the deadline; then sets the I/O timeouts.
enum SocketConnector {
    static func connectedSocket(host: String, port: Int, timeout: Duration, ioTimeout: Duration) throws(RemoteError) -> Int32 {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let addresses = try resolve(name, port: port)
        defer { freeaddrinfo(addresses) }
        let deadline = ContinuousClock.now + timeout
        var failure: Int32 = EHOSTUNREACH
        var entry: UnsafeMutablePointer<addrinfo>? = addresses
        while let address = entry {
            let result = attempt(address.pointee, deadline: deadline)
            if result >= 0 {
                configure(result, ioTimeout: ioTimeout)
                return result
            }
            failure = -result
            entry = address.pointee.ai_next
        }
        let reason = failure == ETIMEDOUT ? "no connection within \(timeout)" : SocketTransfer.describe(errno: failure)
        throw .unreachable("\(name) port \(port): \(reason)")
    }

    private static func resolve(_ host: String, port: Int) throws(RemoteError) -> UnsafeMutablePointer<addrinfo> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = streamSocketType
        hints.ai_flags = AI_NUMERICSERV
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &result)
        guard status == 0, let result else {
            let reason = status == EAI_SYSTEM ? SocketTransfer.describe(errno: errno) : String(cString: gai_strerror(status))
            throw .unreachable("\(host) could not be found (\(reason.lowercased()))")
        }
        return result
    }

    /// A connected, blocking socket, or minus the `errno` of the failure.
    private static func attempt(_ address: addrinfo, deadline: ContinuousClock.Instant) -> Int32 {
        let fd = socket(address.ai_family, address.ai_socktype, address.ai_protocol)
        guard fd >= 0 else { return -errno }
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        var failure: Int32 = 0
        if connect(fd, address.ai_addr, address.ai_addrlen) != 0 {
            failure = errno == EINPROGRESS ? waitForConnection(fd, deadline: deadline) : errno
        }
        guard failure == 0 else {
            close(fd)
            return -failure
        }
        _ = fcntl(fd, F_SETFL, flags)
        return fd
    }

    /// The outcome of a non-blocking connect: 0, or its `errno` (ETIMEDOUT past the deadline).
    private static func waitForConnection(_ fd: Int32, deadline: ContinuousClock.Instant) -> Int32 {
        while true {
            let left = milliseconds(deadline - ContinuousClock.now)
            guard left > 0 else { return ETIMEDOUT }
            var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&entry, 1, Int32(min(left, Int(Int32.max))))
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 { return errno }
            if ready == 0 { return ETIMEDOUT }
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &length) == 0 else { return errno }
            return failure
        }
    }

    /// Reads and writes that wait longer than `ioTimeout` fail with EAGAIN; no SIGPIPE where
    /// the system has a socket option for it (Linux sends with MSG_NOSIGNAL instead).
    private static func configure(_ fd: Int32, ioTimeout: Duration) {
        let milliseconds = milliseconds(ioTimeout)
        var interval = timeval(tv_sec: .init(milliseconds / 1000), tv_usec: .init(milliseconds % 1000 * 1000))
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        var on: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        #if canImport(Darwin)
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    #if canImport(Glibc)
    private static let streamSocketType = Int32(SOCK_STREAM.rawValue)
    #else
    private static let streamSocketType = SOCK_STREAM
    #endif
}
