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

    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
    }
}

enum Files {
    /// The names in a folder, or none when it does not exist.
    static func list(_ path: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    }

    /// Reads a whole file, refusing one larger than `limit` before reading it.
    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        guard let status = FileStatus(path: path) else { throw FolderError.unreadable(path) }
        guard status.size <= Int64(limit) else { throw FolderError.tooLarge(path, status.size) }
        guard let data = FileManager.default.contents(atPath: path) else { throw FolderError.unreadable(path) }
        return Array(data)
    }

    static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FolderError.cannotWrite(path, error.localizedDescription)
        }
    }
}

public enum FolderError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String)
    case tooLarge(String, Int64)
    case cannotWrite(String, String)
    case missing(String)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read \(path)"
        case .tooLarge(let path, let size): "\(path) is \(size) bytes, over the limit"
        case .cannotWrite(let path, let why): "cannot write \(path): \(why)"
        case .missing(let path): "the shared folder \(path) does not exist (is the drive mounted?)"
        }
    }
}
