import IntersessionCore
import IntersessionStore

/// What a sync did, for the summary line and the problems below it.
public struct SyncReport: Sendable, Equatable {
    public struct Problem: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    /// A name export wanted that a file not holding exactly its bytes already took (squatted,
    /// damaged, another variant): the changes went under other names instead, never over it.
    public struct TakenName: Sendable, Equatable {
        /// The path of the file that holds the wanted name.
        public var path: String
        /// The paths written instead; empty when no free name was found (tried again next sync).
        public var wroteInstead: [String]
        /// The feed is this profile's own (its author is the one told).
        public var ownFeed: Bool
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
    /// Names taken by another file, written around (see ``TakenName``).
    public var takenNames: [TakenName] = []
    /// Files read or written before that are gone or changed since: they no longer count as
    /// holding their range, which is read again and written anew by whoever holds it.
    public var changedFiles = 0
    /// Sync tools' conflict copies read for fork evidence (never applied as changes).
    public var evidenceFiles = 0
    /// Fork variants (this replica's logged one or another's, kept as evidence) written so that
    /// every replica seeing the folder freezes the feed at the same seq.
    public var publishedVariants = 0
    /// Sealed files that no epoch key held here opens (yet): read again when one arrives.
    public var lockedFiles = 0
    /// The highest epoch number of a key file read here that opens for none of this device's
    /// keys (0 if none): every epoch started while an invite is open is wrapped for its key,
    /// so a newcomer meeting one above all it holds was shut out (cancelled, used, expired).
    public var newestLockedEpoch: Int64 = 0
    /// Files whose reading failed this time (an I/O error), to be read again at the next sync.
    public var failedReads = 0
    /// Epoch key files written to the folders (a sealed group).
    public var keyFilesWritten = 0
    /// Files copied from remotes into their mirrors, and from the mirrors to the remotes
    /// (`RemoteMirror`); mirror files that gave way to a remote's under the same name.
    public var fetchedObjects = 0
    public var pushedObjects = 0
    public var replacedByRemote = 0
    /// Remotes that could not be read or written this time (each a problem): tried again next sync.
    public var remoteFailures = 0
    /// Calls made to the remotes' stores (a listing of many pages is one).
    public var remoteRequests = 0
    /// Why each remote that failed did (also a problem under its name), for a front end to
    /// say in the person's language.
    public var remoteErrors: [RemoteError] = []

    /// Where each folder's window of seen files (``SeenFileCheck``) starts next time, by
    /// setting key ("" for the start), saved when the sync ends.
    var windowCursors: [String: String] = [:]

    public init() {}

    /// A file whose reading failed (an I/O error): a problem of this sync, never remembered as
    /// a bad file, so the next sync reads it again.
    mutating func failedToRead(_ path: String, _ why: String) {
        failedToRead(path, reason: "\(FolderError.readFailed(path, why))")
    }

    mutating func failedToRead(_ path: String, reason: String) {
        failedReads += 1
        problems.append(.init(path: path, reason: reason))
    }

    public var changedSomething: Bool {
        exportedChanges > 0 || importedChanges > 0 || !problems.isEmpty || fetchedObjects > 0 || pushedObjects > 0 || !forks.isEmpty || !takenNames.isEmpty
            || changedFiles > 0 || publishedVariants > 0
    }

    mutating func absorb(_ apply: ApplyReport) {
        importedChanges += apply.applied
        duplicates += apply.duplicates
        pending = apply.pending
        forks += apply.forks
        refused += apply.refused
    }
}
