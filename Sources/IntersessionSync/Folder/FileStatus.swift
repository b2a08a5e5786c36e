import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a path: enough to notice that a file or folder changed.
public struct FileStatus: Sendable, Equatable {
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var mtime: Int64
    public var isDirectory: Bool
    /// Only ever true for `init(entry:)`, which does not follow a link.
    public var isSymbolicLink: Bool

    /// The file or folder `path` leads to, through links.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The entry `path` itself: a link is described, not followed.
    public init?(entry path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        isSymbolicLink = (info.st_mode & S_IFMT) == S_IFLNK
    }
}

enum Files {
    /// The names in a folder, or none when it does not exist.
    static func list(_ path: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    }

    /// Reads a whole file named outside any shared folder (an invite given on the command
    /// line), refusing one larger than `limit` before reading it.
    static func read(_ path: String, limit: Int) throws(FolderError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw FolderError.unreadable(path) }
        defer { close(fd) }
        return try read(fd, path: path, limit: limit)
    }

    /// Reads an open file to its end. The size is taken from the descriptor (`fstat`), not the
    /// name, and reading stops past `limit` anyway, so a file swapped or grown between the
    /// check and the read is still bounded; only regular files are read.
    static func read(_ fd: Int32, path: String, limit: Int) throws(FolderError) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw FolderError.unreadable(path) }
        guard Int64(info.st_size) <= Int64(limit) else { throw FolderError.tooLarge(path, Int64(info.st_size)) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limit else { throw FolderError.tooLarge(path, Int64(count)) }
                bytes += [UInt8](repeating: 0, count: min(limit + 1 - count, max(4096, count)))
            }
            let got = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { throw FolderError.readFailed(path, String(cString: strerror(errno))) }
            if got == 0 { break }
            count += got
        }
        guard count <= limit else { throw FolderError.tooLarge(path, Int64(count)) }
        return Array(bytes[..<count])
    }
}

public enum FolderError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String)
    /// The file opened, but reading it failed (an I/O error of the disk or the network share):
    /// nothing is known of its contents, so it is read again next time, never taken for bad.
    case readFailed(String, String)
    case tooLarge(String, Int64)
    case cannotWrite(String, String)
    case missing(String)
    /// A link inside a group folder, which is never followed.
    case symbolicLink(String)
    /// A path that is not inside the shared folder it was to be reached from.
    case outside(String, String)
    /// A sealed group whose current epoch's key this device does not hold (yet).
    case noCurrentKey

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read \(path)"
        case .readFailed(let path, let why): "cannot read \(path): \(why); it is read again at the next sync"
        case .tooLarge(let path, let size): "\(path) is \(size) bytes, over the limit"
        case .cannotWrite(let path, let why): "cannot write \(path): \(why)"
        case .missing(let path): "the shared folder \(path) does not exist (is the drive mounted?)"
        case .symbolicLink(let path): "\(path) is a symbolic link; nothing inside a group folder is read or written through one"
        case .outside(let path, let root): "\(path) is not inside the shared folder \(root)"
        case .noCurrentKey: "this device does not hold the group's current key, so it writes nothing to the shared folder (it still reads what it can): the secretariat's next sync gives it to a new member's device; a removed member's device never gets it"
        }
    }
}
