import Foundation
import IntersessionCore

#if canImport(Glibc)
import Glibc
#endif

/// `identity.key`: one line, `ed25519:` and the 32-byte seed in hex. Created with mode 0600
/// and never overwritten.
enum KeyFile {
    static let prefix = "ed25519:"

    /// Written whole under a temporary name, then linked to its final name (which fails if one
    /// exists): a process killed half-way leaves no torn key that the profile would then hold.
    static func write(_ key: DeviceKey, to url: URL) throws {
        let text = prefix + Hex.encode(key.seed) + "\n"
        let temporary = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ProfileError.cannotWrite(url.path, String(cString: strerror(errno))) }
        defer { unlink(temporary) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = written == bytes.count && fsync(fd) == 0
        let why = String(cString: strerror(written >= 0 && written < bytes.count ? ENOSPC : errno))
        close(fd)
        guard synced, link(temporary, url.path) == 0 else {
            throw ProfileError.cannotWrite(url.path, synced ? String(cString: strerror(errno)) : why)
        }
    }

    static func read(from url: URL) throws -> DeviceKey {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw ProfileError.badKey(url.path)
        }
        let line = text.trimmingWhitespace()
        guard line.hasPrefix(prefix), let seed = Hex.decode(String(line.dropFirst(prefix.count))), seed.count == 32,
            let key = try? DeviceKey(seed: seed)
        else { throw ProfileError.badKey(url.path) }
        return key
    }
}
