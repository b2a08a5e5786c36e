import CTLS
import Foundation

/// Whom TLS connections trust, as an OpenSSL client context: the system's certificates (and
/// SSL_CERT_FILE, SSL_CERT_DIR), or the certificates of one CA file. A context is only read once
/// made, which OpenSSL allows from any thread.
final class TLSContext: @unchecked Sendable {
    let pointer: OpaquePointer

    init(caFile: String?) throws(RemoteError) {
        var error = [CChar](repeating: 0, count: 512)
        guard let made = ctls_context_new(caFile, &error, error.count) else { throw .notConfigured(cText(error)) }
        pointer = made
    }

    deinit { ctls_context_free(pointer) }

    /// The system's, made at the first TLS connection of the process: a command that never
    /// uses the network does not pay for reading the certificate store.
    static let system = Result<TLSContext, RemoteError> { () throws(RemoteError) in try TLSContext(caFile: nil) }
}

/// The context one transport uses, made when it first opens a TLS connection.
final class TLSTrust: @unchecked Sendable {
    private let caFile: String?
    private let lock = NSLock()
    private var made: TLSContext?

    init(caFile: String?) { self.caFile = caFile }

    func context() throws(RemoteError) -> TLSContext {
        guard let caFile else { return try TLSContext.system.get() }
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let context = try TLSContext(caFile: caFile)
        made = context
        return context
    }
}

/// The text a C function wrote into a buffer, up to its NUL.
func cText(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
