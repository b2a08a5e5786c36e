import Foundation
import GRDB

/// Errors of the store, each one line a person can act on.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(kind: String, prefix: String)
    case ambiguous(kind: String, prefix: String, count: Int)
    case noGroup
    case alreadyInitialised
    case locked(path: String)
    case corrupt(path: String, detail: String)
    case invalid(String)

    public var description: String {
        switch self {
        case .notFound(let kind, let prefix): "no \(kind) matches \"\(prefix)\""
        case .ambiguous(let kind, let prefix, let count):
            "\"\(prefix)\" matches \(count) \(kind)s; type more of the id"
        case .noGroup: "this store holds no group yet"
        case .alreadyInitialised: "this store already holds a group"
        case .locked(let path): "the store \(path) is busy: another intersession is writing to it; try again"
        case .corrupt(let path, let detail): "the store \(path) is damaged or not a database (\(detail))"
        case .invalid(let why): why
        }
    }

    /// Maps SQLite's failures to what they mean for a person.
    static func wrap<T>(path: String, _ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw StoreError.locked(path: path)
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: throw StoreError.corrupt(path: path, detail: error.message ?? "\(error.resultCode)")
            default: throw error
            }
        }
    }
}
