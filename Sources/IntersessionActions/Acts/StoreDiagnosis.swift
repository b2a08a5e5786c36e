import Foundation
import IntersessionCore
import IntersessionStore

/// What `repair` found in a profile's store, check by check.
public struct StoreDiagnosis: Sendable, Equatable {
    /// Why the store cannot be opened or read at all, when it cannot.
    public var unreadable: String?
    /// What SQLite's `integrity_check` found.
    public var integrity: [String] = []
    /// Feeds whose logged changes do not hold together (hash, link or signature).
    public var log: [LogProblem] = []
    /// Whether the state is what a rebuild from the log gives.
    public var stateMatchesLog = true
    /// The state digest (``AppDatabase/stateDigest()``) of a sound store: two replicas that
    /// hold the same changes agree on it, which the soak compares.
    public var stateDigest: String?

    public init() {}

    /// The log can be trusted: the state can be rebuilt from it.
    public var logIsSound: Bool { unreadable == nil && integrity.isEmpty && log.isEmpty }
    public var isSound: Bool { logIsSound && stateMatchesLog }

    /// Runs every check on the store of `home`; a store that cannot be opened is a finding, not an error.
    public static func of(_ home: ProfileHome) throws -> StoreDiagnosis {
        var found = StoreDiagnosis()
        do {
            let store = try home.openStore()
            found.integrity = try store.integrityProblems()
            guard found.integrity.isEmpty else { return found }
            found.log = try store.logProblems()
            guard found.log.isEmpty else { return found }
            found.stateMatchesLog = try store.stateMatchesLog()
            if found.stateMatchesLog { found.stateDigest = try store.stateDigest() }
        } catch StoreError.corrupt(_, let detail) {
            found.unreadable = detail
        } catch StoreError.malformedLog {
            found.unreadable = "the log is malformed"
        } catch ProfileError.missingStore(let path) {
            found.unreadable = "\(path) is missing"
        }
        return found
    }
}
