import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The keys a mirror knows the remote to hold with the bytes the mirror holds under them, in
/// `<mirror>/known`, one a line (`key` or `key tag`, keys never holding a space): appended to as
/// files go each way, written anew after a full listing (which says what the remote really
/// holds). The tag is the remote's for those bytes (`ObjectTag`): a full listing that shows
/// another one means the object changed on the remote, and it is fetched again. A line cut short
/// by a crash has no end of line: it is cut off when the file is read, so at worst a file is
/// looked at again.
struct KnownKeys {
    let path: String
    /// Each known key with its tag; "" when the remote gave none.
    private(set) var tags: [String: String]

    init(path: String) {
        self.path = path
        let bytes = (try? Files.read(path, limit: 512 * 1024 * 1024)) ?? []
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.removeLast()  // what follows the last end of line: empty, or cut short
        if !cut.isEmpty { truncate(path, off_t(bytes.count - cut.utf8.count)) }
        tags = [:]
        tags.reserveCapacity(lines.count)
        for line in lines where !line.isEmpty {
            let parts = line.split(separator: " ", maxSplits: 1)
            tags[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
    }

    var keys: Set<String> { Set(tags.keys) }
    func contains(_ key: String) -> Bool { tags[key] != nil }
    /// The remote's tag for the bytes known under `key`; nil when unknown or untagged.
    func tag(_ key: String) -> String? { tags[key].flatMap { $0.isEmpty ? nil : $0 } }

    mutating func insert(_ key: String, tag: String?) throws(FolderError) {
        try insert([key: ObjectTag.usable(tag) ?? ""])
    }

    /// Records keys with their tags ("" for none); a key already known with the same tag is left.
    mutating func insert(_ added: [String: String]) throws(FolderError) {
        let new = added.filter { tags[$0.key] != $0.value }.sorted { $0.key < $1.key }
        guard !new.isEmpty else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array(new.map(Self.line).joined().utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw .cannotWrite(path, String(cString: strerror(errno))) }
        for (key, tag) in new { tags[key] = tag }
    }

    /// After a full listing: exactly what the remote was found to hold, with its tags.
    mutating func replace(with listed: [String: String], below root: String) throws(FolderError) {
        let text = listed.sorted { $0.key < $1.key }.map(Self.line).joined()
        try AtomicFile.write(Array(text.utf8), to: path, below: root)
        tags = listed
    }

    private static func line(_ entry: (key: String, value: String)) -> String {
        entry.value.isEmpty ? entry.key + "\n" : entry.key + " " + entry.value + "\n"
    }
}
