import IntersessionCore
import IntersessionStore

extension SyncReport {
    /// One report for two syncs in a row (`join` syncs before and after signing): what each
    /// moved and found, and the standing of the later one.
    public func following(_ earlier: SyncReport) -> SyncReport {
        var merged = self
        merged.exportedChanges += earlier.exportedChanges
        merged.exportedFiles += earlier.exportedFiles
        merged.importedChanges += earlier.importedChanges
        merged.importedFeeds.formUnion(earlier.importedFeeds)
        merged.duplicates += earlier.duplicates
        merged.rejectedFiles += earlier.rejectedFiles
        merged.failedReads += earlier.failedReads
        merged.forks = earlier.forks + forks
        merged.problems = earlier.problems + problems
        merged.refused = earlier.refused + refused
        merged.takenNames = earlier.takenNames + takenNames
        merged.changedFiles += earlier.changedFiles
        merged.evidenceFiles += earlier.evidenceFiles
        merged.publishedVariants += earlier.publishedVariants
        merged.fetchedObjects += earlier.fetchedObjects
        merged.pushedObjects += earlier.pushedObjects
        merged.replacedByRemote += earlier.replacedByRemote
        merged.remoteFailures += earlier.remoteFailures
        merged.remoteRequests += earlier.remoteRequests
        return merged
    }
}
