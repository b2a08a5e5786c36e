import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that no reader ever sees half of it: a temporary name beginning with `.`
/// in the same folder, fsync, rename, fsync the folder (DESIGN §5). The folder is reached from
/// the shared folder's root without following a link (`NoFollow`), and every step is relative
/// to its descriptor, so nothing is written outside the shared folder.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String, below root: String) throws(FolderError) {
        let (parent, name) = NoFollow.split(path)
        let folder = try NoFollow.openFolder(parent, below: root, create: false)
        defer { close(folder) }
        let temporary = "." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        // The final name is the one a person knows; the temporary one is an internal detail.
        guard fd >= 0 else { throw FolderError.cannotWrite(path, String(cString: strerror(errno))) }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { failure = written < 0 ? errno : ENOSPC; return }
                offset += written
            }
        }
        // fsync's errno, not one left over from a write that went well, says why it failed.
        if failure == 0, fsync(fd) != 0 { failure = errno }
        close(fd)
        let ok = failure == 0
        let why = String(cString: strerror(ok ? errno : failure))
        // renameat replaces a link planted under the final name; it never writes through it.
        guard ok, renameat(folder, temporary, folder, name) == 0 else {
            unlinkat(folder, temporary, 0)
            throw FolderError.cannotWrite(path, why)
        }
        fsync(folder)
    }
}
