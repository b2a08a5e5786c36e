import Foundation

/// Why a store could not do what was asked, in words a person can act on. No case carries a
/// credential: the texts are the server's codes and messages, escaped before printing.
public enum RemoteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No answer: the host could not be found or reached, or the connection broke or timed out.
    case unreachable(String)
    /// The server refused the credentials or the request's signature (401, 403).
    case denied(String)
    /// The bucket or the collection itself is not there.
    case noSuchPlace(String)
    /// The server kept failing (5xx, throttling) after every retry.
    case serverFailed(status: Int, String)
    /// Any other refusal (4xx), with the server's code and message.
    case refused(status: Int, String)
    /// An answer this client cannot read (bad XML, a broken HTTP message).
    case badResponse(String)
    /// An object or an answer over what may be read of it.
    case tooLarge(String, limit: Int)
    /// Credentials or settings that the store needs and does not have.
    case notConfigured(String)

    public var description: String {
        switch self {
        case .unreachable(let why): "could not reach the server: \(why) (will try again at the next sync)"
        case .denied(let why): "the server refused the credentials: \(why)"
        case .noSuchPlace(let what): "\(what) does not exist on the server"
        case .serverFailed(let status, let why): "the server kept failing (HTTP \(status)): \(why) (will try again at the next sync)"
        case .refused(let status, let why): "the server refused the request (HTTP \(status)): \(why)"
        case .badResponse(let why): "the server's answer could not be read: \(why)"
        case .tooLarge(let what, let limit): "\(what) is over the limit of \(limit) bytes; not read"
        case .notConfigured(let what): "not configured: \(what)"
        }
    }

    /// Whether trying the same thing again later may succeed.
    public var isTransient: Bool {
        switch self {
        case .unreachable, .serverFailed: true
        default: false
        }
    }
}
