import Foundation
import IntersessionCore

/// A remote (`ObjectStore`) and its mirror in the profile's home, `<home>/remotes/<name>/`:
/// before the engine reads its folders, `pull` copies into the mirror what the remote holds and
/// the mirror lacks; after it wrote them, `push` copies to the remote what the mirror holds and
/// the remote lacks, creating only (never overwriting, never deleting), and claims a journal
/// entry naming what it wrote. So every guarantee of a shared folder (files checked, healed,
/// sealed) holds for a remote: the engine reads and writes the mirror as it does any folder.
public struct RemoteMirror: Sendable {
    public let location: RemoteLocation
    public let directory: String
    let store: CountedStore
    /// The whole remote is listed when it was not for this long (a day): that finds what no
    /// journal entry names, and what the remote lost, to be written again.
    static let fullListingAge: Int64 = 24 * 3600 * 1000

    public init(location: RemoteLocation, directory: String, store: any ObjectStore) {
        self.location = location
        self.directory = directory
        self.store = CountedStore(store)
    }

    /// Requests made to the remote so far (each list page counts as one call here).
    public var requests: Int { store.requests }

    /// The folder the engine syncs with for this remote.
    public var folder: String { directory + "/folder" }
    var mirror: MirrorFolder { MirrorFolder(root: folder) }
    var statePath: String { directory + "/state" }

    /// Where the mirror of `location` is, for the profile whose store is at `storePath`.
    public static func directory(of location: RemoteLocation, storePath: String) -> String {
        URL(fileURLWithPath: storePath).deletingLastPathComponent().appendingPathComponent("remotes/" + location.mirrorName).path
    }

    /// Makes the mirror's folder (and `remotes/` above it, private to the account).
    public func prepare() throws(FolderError) {
        for path in [(directory as NSString).deletingLastPathComponent, directory, folder] where FileStatus(entry: path) == nil {
            guard mkdir(path, 0o700) == 0 || errno == EEXIST else { throw .cannotWrite(path, String(cString: strerror(errno))) }
        }
        guard FileStatus(entry: folder)?.isDirectory == true else { throw .symbolicLink(folder) }
    }

    /// Holds the mirror for one sync at a time (the interface's and a command's may overlap);
    /// released when the descriptor is closed.
    func lock() -> Int32 {
        let fd = open(directory + "/lock", O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if fd >= 0 { flock(fd, LOCK_EX) }
        return fd
    }

    func loadState() -> (RemoteMirrorState, KnownKeys) {
        let text = (try? Files.read(statePath, limit: 64 * 1024 * 1024)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return (RemoteMirrorState(text: text), KnownKeys(path: directory + "/known"))
    }

    func save(_ state: RemoteMirrorState) throws(FolderError) {
        try AtomicFile.write(Array(state.text.utf8), to: statePath, below: directory)
    }

    /// What happened to the remote, as a problem of the sync under the remote's name.
    /// Each remote is counted once as failing, and each reason told once, however many of
    /// its steps (pull, push) met it.
    func report(_ error: any Error, into report: inout SyncReport) {
        let problem = SyncReport.Problem(path: location.description, reason: "\(error)")
        if !report.problems.contains(where: { $0.path == problem.path }) {
            report.remoteFailures += 1
            if let error = error as? RemoteError { report.remoteErrors.append(error) }
        }
        if !report.problems.contains(problem) { report.problems.append(problem) }
    }
}
