import Foundation
import IntersessionCore

#if canImport(Glibc)
import Glibc
#endif

/// `identity.key`: one line, `ed25519:` and the 32-byte seed in hex. Created with mode 0600
/// and never overwritten.
enum KeyFile {
    static let prefix = "ed25519:"

    static func write(_ key: DeviceKey, to url: URL) throws {
        let text = prefix + Hex.encode(key.seed) + "\n"
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw ProfileError.cannotWrite(url.path, String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            throw ProfileError.cannotWrite(url.path, String(cString: strerror(errno)))
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
