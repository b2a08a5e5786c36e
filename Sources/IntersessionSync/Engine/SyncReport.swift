import IntersessionCore
import IntersessionStore

/// What a sync did, for the summary line and the problems below it.
public struct SyncReport: Sendable, Equatable {
    public struct Problem: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    public var exportedChanges = 0
    public var exportedFiles = 0
    public var importedChanges = 0
    public var importedFeeds: Set<FeedID> = []
    public var duplicates = 0
    /// Changes waiting for a dependency after the sync.
    public var pending = 0
    /// Files skipped as bad (each reported once, in `problems`).
    public var rejectedFiles = 0
    /// Files still being copied, skipped this time.
    public var incompleteFiles = 0
    public var forks: [RefusedChange] = []
    public var problems: [Problem] = []
    /// Changes refused in this sync (kept as evidence, never applied), with why.
    public var refused: [RefusedChange] = []
    /// Every file of the folders still known bad after the sync (those reported earlier too).
    public var stillRejected: [Problem] = []
    /// Every frozen feed this replica knows of.
    public var frozen: [FrozenFeed] = []

    public init() {}

    public var changedSomething: Bool {
        exportedChanges > 0 || importedChanges > 0 || !problems.isEmpty || !forks.isEmpty
    }

    mutating func absorb(_ apply: ApplyReport) {
        importedChanges += apply.applied
        duplicates += apply.duplicates
        pending = apply.pending
        forks += apply.forks
        refused += apply.refused
    }

    public var summary: String {
        var parts = ["exported \(exportedChanges) change\(exportedChanges == 1 ? "" : "s") in \(exportedFiles) file\(exportedFiles == 1 ? "" : "s")",
                     "imported \(importedChanges) from \(importedFeeds.count) feed\(importedFeeds.count == 1 ? "" : "s")",
                     "\(pending) pending", "\(rejectedFiles) rejected"]
        if incompleteFiles > 0 { parts.append("\(incompleteFiles) incomplete, will retry") }
        return parts.joined(separator: "; ")
    }
}
