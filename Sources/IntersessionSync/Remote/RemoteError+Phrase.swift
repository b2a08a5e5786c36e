import Foundation
import IntersessionCore

/// A remote's errors as catalog phrases (`error.remote.*`); `description` stays for logs and
/// the sync report (which, like the rest of it, is in English).
extension RemoteError: Explained {
    public var phrase: Phrase {
        switch self {
        case .unreachable(let why): Phrase("error.remote.unreachable", [why])
        case .denied(let why): Phrase("error.remote.denied", [why])
        case .noSuchPlace(let what): Phrase("error.remote.noSuchPlace", [what])
        case .serverFailed(let status, let why): Phrase("error.remote.serverFailed", [String(status), why])
        case .refused(let status, let why): Phrase("error.remote.refused", [String(status), why])
        case .badResponse(let why): Phrase("error.remote.badResponse", [why])
        case .tooLarge(let what, let limit): Phrase("error.remote.tooLarge", [what, String(limit)])
        case .notConfigured(let what): Phrase("error.remote.notConfigured", [what])
        }
    }
}
