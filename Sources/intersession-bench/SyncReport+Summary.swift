import IntersessionActions
import IntersessionSync

extension SyncReport {
    /// The summary line the command line prints, in English: what a benchmark says when a sync
    /// did not do what it measures.
    var summary: String { SyncSummary.text(self, in: SyncSummary.phrasebook(.en)) }
}
