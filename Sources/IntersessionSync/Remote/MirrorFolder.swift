import Foundation

/// A remote's copy on this machine: a folder laid out as a shared folder, which the sync engine
/// reads and writes as it does any other. Its files go to the remote under their relative paths.
struct MirrorFolder {
    let root: String

    func path(_ key: String) -> String { root + "/" + key }

    /// The mirror's file under `key`; nil when there is none.
    func read(_ key: String) throws(FolderError) -> [UInt8]? {
        guard let status = FileStatus(entry: path(key)), !status.isDirectory else { return nil }
        guard !status.isSymbolicLink else { throw .symbolicLink(path(key)) }
        guard status.size <= Int64(RemoteKeys.maximumObjectBytes) else { throw .tooLarge(path(key), status.size) }
        let fd = try NoFollow.openFile(path(key), below: root)
        defer { close(fd) }
        return try Files.read(fd, path: path(key), limit: RemoteKeys.maximumObjectBytes)
    }

    /// Writes what the remote holds under `key` (atomically, never through a link), dated
    /// `settledSeconds` back: an object is whole once it is listed, never a copy in progress, so
    /// the engine is not to wait for it to grow as it would for a file a sync tool is writing.
    func write(_ bytes: [UInt8], key: String) throws(FolderError) {
        let (parent, name) = NoFollow.split(path(key))
        let folder = try NoFollow.openFolder(parent, below: root, create: true)
        defer { close(folder) }
        try AtomicFile.write(bytes, to: path(key), below: root)
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        now.tv_sec -= Self.settledSeconds
        var times = [now, now]
        utimensat(folder, name, &times, AT_SYMLINK_NOFOLLOW)
    }

    /// Longer than the engine waits for a file without its end (`FolderImport.copyingNanoseconds`).
    static let settledSeconds = 600

    /// Every file of the mirror that can go to a remote, as keys: what the engine wrote and
    /// what came from the remote. Temporary files (a leading dot) and links are left out.
    func keys() -> [String] {
        var found: [String] = []
        collect("", depth: 0, into: &found)
        return found.sorted()
    }

    private func collect(_ relative: String, depth: Int, into found: inout [String]) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        for name in Files.list(folder) where !name.hasPrefix(".") {
            let key = relative.isEmpty ? name : relative + "/" + name
            guard let status = FileStatus(entry: root + "/" + key), !status.isSymbolicLink else { continue }
            if status.isDirectory {
                if depth < 3 { collect(key, depth: depth + 1, into: &found) }
            } else if RemoteKeys.isFolderFile(key) {
                found.append(key)
            }
        }
    }
}
