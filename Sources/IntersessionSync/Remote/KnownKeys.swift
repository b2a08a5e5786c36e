import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The keys a mirror knows the remote to hold with the bytes the mirror holds under them, in
/// `<mirror>/known`, one a line: appended to as files go each way, written anew after a full
/// listing (which says what the remote really holds). A line cut short by a crash has no end of
/// line: it is cut off when the file is read, so at worst a file is looked at again.
struct KnownKeys {
    let path: String
    private(set) var keys: Set<String>

    init(path: String) {
        self.path = path
        let bytes = (try? Files.read(path, limit: 512 * 1024 * 1024)) ?? []
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.removeLast()  // what follows the last end of line: empty, or cut short
        if !cut.isEmpty { truncate(path, off_t(bytes.count - cut.utf8.count)) }
        keys = Set(lines.map(String.init))
    }

    func contains(_ key: String) -> Bool { keys.contains(key) }

    mutating func insert(_ added: [String]) throws(FolderError) {
        let new = added.filter { !keys.contains($0) }
        guard !new.isEmpty else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array(new.map { $0 + "\n" }.joined().utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw .cannotWrite(path, String(cString: strerror(errno))) }
        keys.formUnion(new)
    }

    /// After a full listing: exactly what the remote was found to hold.
    mutating func replace(with listed: Set<String>, below root: String) throws(FolderError) {
        try AtomicFile.write(Array(listed.sorted().map { $0 + "\n" }.joined().utf8), to: path, below: root)
        keys = listed
    }
}
