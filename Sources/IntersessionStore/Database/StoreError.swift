import Foundation
import GRDB
import IntersessionCore

/// Errors of the store, each one line a person can act on once a front end renders its phrase
/// (`error.store.*` and `rejection.*` in the catalogs).
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible, Explained {
    case notFound(kind: String, prefix: String)
    case ambiguous(kind: String, prefix: String, count: Int)
    case noGroup
    case alreadyInitialised
    case locked(path: String)
    case corrupt(path: String, detail: String)
    /// A new store's path is taken.
    case exists(path: String)
    /// The rules would not count an op of this change; nothing was kept.
    case refused(RejectionReason)
    /// The change was not applied though no op was refused (a missing dependency).
    case notApplied(detail: String)
    case malformedLog
    case draftTooLarge(limitKiB: Int)
    case amendmentTextGone
    case postRetracted
    /// An admission names a feed that did not redeem the invite (or only after it was cancelled).
    case notARedeemer(feed: String, invite: String)
    case inviteCancelled(invite: String)

    public var phrase: Phrase {
        switch self {
        case .notFound(let kind, let prefix): Phrase("error.store.notFound." + kind, [prefix])
        case .ambiguous(_, let prefix, let count): Phrase("error.store.ambiguous", [prefix, String(count)])
        case .noGroup: Phrase("error.store.noGroup")
        case .alreadyInitialised: Phrase("error.store.alreadyInitialised")
        case .locked(let path): Phrase("error.store.locked", [path])
        case .corrupt(let path, let detail): Phrase("error.store.corrupt", [path, detail])
        case .exists(let path): Phrase("error.store.exists", [path])
        case .refused(let reason): reason.phrase
        case .notApplied(let detail): Phrase("error.store.notApplied", [detail])
        case .malformedLog: Phrase("error.store.malformedLog")
        case .draftTooLarge(let limit): Phrase("error.store.draftTooLarge", [String(limit)])
        case .amendmentTextGone: Phrase("error.store.amendmentTextGone")
        case .postRetracted: Phrase("rejection.retracted")
        case .notARedeemer(let feed, let invite): Phrase("error.store.notARedeemer", [feed, invite])
        case .inviteCancelled(let invite): Phrase("error.store.inviteCancelled", [invite])
        }
    }

    /// The key and arguments; a front end renders the text from its catalog.
    public var description: String { phrase.description }

    /// Maps SQLite's failures to what they mean for a person.
    static func wrap<T>(path: String, _ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw StoreError.locked(path: path)
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: throw StoreError.corrupt(path: path, detail: error.message ?? "\(error.resultCode)")
            case .SQLITE_FULL: throw FileFault(path: path, kind: .noSpace)
            case .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN:
                // SQLite's transaction rolled back: nothing is lost. Its code is often vaguer than the disk's state.
                let fallback: FileFault.Kind? = error.resultCode == .SQLITE_IOERR ? .ioError : error.resultCode == .SQLITE_READONLY ? .readOnly : nil
                guard let kind = FileFault.Kind.ofFileSystem(at: path) ?? fallback else { throw error }
                throw FileFault(path: path, kind: kind)
            default: throw error
            }
        }
    }
}
