import IntersessionCore
import IntersessionStore

/// What stays wrong after a sync, whatever this sync found: the bad files still in the folders
/// (each printed once when found, then counted every time until fixed or removed) and the
/// frozen feeds. `sync` exits with its "attention" status while any of it remains.
extension SyncReport {
    /// Fills `stillRejected` and `frozen` from the store; a bad file since removed or changed
    /// stops counting (a changed file is read again, and reported again if still bad).
    mutating func reviewStanding(store: AppDatabase) throws {
        var gone: [String] = []
        stillRejected = []
        for file in try store.badFiles() {
            guard let status = FileStatus(entry: file.path), status.size == file.size, status.mtime == file.mtime else {
                gone.append(file.path)
                continue
            }
            stillRejected.append(Problem(path: file.path, reason: file.reason))
        }
        try store.forgetBadFiles(gone)
        frozen = try store.frozenFeeds()
    }

    /// Whether the person should look: a file or change was refused, or a feed is forked or frozen.
    public var needsAttention: Bool {
        !stillRejected.isEmpty || failedReads > 0 || remoteFailures > 0 || !refused.isEmpty || !forks.isEmpty || frozen.contains { !$0.settled }
            || takenNames.contains { $0.wroteInstead.isEmpty }
    }
}
