import CTLS

/// TLS over one connected socket, after a verified handshake. It does not own the socket: its
/// connection closes it after `close()`.
final class TLSSession {
    private var pointer: OpaquePointer?

    /// Fails with `.unreachable` and OpenSSL's reason: an untrusted chain, a certificate for
    /// another name, a handshake that broke.
    init(context: TLSContext, fd: Int32, host: String) throws(RemoteError) {
        var error = [CChar](repeating: 0, count: 512)
        guard let session = ctls_connect(context.pointer, fd, host, &error, error.count) else { throw .unreachable(cText(error)) }
        pointer = session
    }

    deinit { close() }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> SocketTransfer {
        guard let pointer else { return .closed }
        var error = [CChar](repeating: 0, count: 256)
        return Self.transfer(ctls_read(pointer, buffer.baseAddress, buffer.count, &error, error.count), error)
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> SocketTransfer {
        guard let pointer else { return .closed }
        var error = [CChar](repeating: 0, count: 256)
        return Self.transfer(ctls_write(pointer, bytes.baseAddress, bytes.count, &error, error.count), error)
    }

    /// Sends close_notify and frees the session; again, nothing.
    func close() {
        guard let pointer else { return }
        ctls_close(pointer)
        self.pointer = nil
    }

    private static func transfer(_ result: Int, _ error: [CChar]) -> SocketTransfer {
        switch result {
        case 1...: .bytes(result)
        case Int(CTLS_CLOSED): .closed
        case Int(CTLS_TIMED_OUT): .timedOut
        case Int(CTLS_RESET): .reset
        default: .failed(cText(error))
        }
    }
}
