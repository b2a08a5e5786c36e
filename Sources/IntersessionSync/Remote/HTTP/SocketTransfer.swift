#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How one read or write on a socket (plain or TLS) ended.
enum SocketTransfer: Equatable {
    case bytes(Int)
    /// The peer closed the connection: for a read, the end of the stream.
    case closed
    /// The peer reset the connection, or it was gone when written to.
    case reset
    /// The socket's receive or send timeout passed.
    case timedOut
    case failed(String)

    /// A plain `recv` or `send` result, with `errno` read at once.
    static func fromSystemCall(_ result: Int) -> SocketTransfer {
        if result > 0 { return .bytes(result) }
        if result == 0 { return .closed }
        return fromErrno(errno)
    }

    static func fromErrno(_ code: Int32) -> SocketTransfer {
        switch code {
        case EAGAIN, EWOULDBLOCK, ETIMEDOUT: .timedOut
        case ECONNRESET, EPIPE, ECONNABORTED: .reset
        default: .failed(SocketTransfer.describe(errno: code))
        }
    }

    /// The system's words for an `errno`, in lower case as they follow a colon.
    static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }
}
