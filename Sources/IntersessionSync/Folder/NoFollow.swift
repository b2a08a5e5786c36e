import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reaches a path inside a shared folder one component at a time from the folder's root, never
/// through a symbolic link (DESIGN §5): the root itself may be a link (a person's own choice,
/// such as `~/Sync -> /mnt/x`), nothing below it may, so a replaced feed folder can neither lead
/// a writer outside the shared folder nor a reader to a file that is not in it. Each component
/// is opened relative to the one before (`openat` with `O_NOFOLLOW`), so a link swapped in
/// between two checks is refused as well.
enum NoFollow {
    /// The open descriptor of the folder `path`, below `root`; creates the missing folders when
    /// `create` is set. The caller closes it.
    static func openFolder(_ path: String, below root: String, create: Bool) throws(FolderError) -> Int32 {
        var fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FolderError.missing(root) }
        var reached = root
        for component in try components(of: path, below: root) {
            reached += "/" + component
            var next = openat(fd, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT, create {
                if mkdirat(fd, component, 0o755) != 0, errno != EEXIST {
                    let why = String(cString: strerror(errno))
                    close(fd)
                    throw FolderError.cannotWrite(reached, why)
                }
                next = openat(fd, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            if next < 0 {
                let failure = failure(at: component, in: fd, path: reached, writing: create)
                close(fd)
                throw failure
            }
            close(fd)
            fd = next
        }
        return fd
    }

    /// Opens the file `path` below `root` for reading, refusing a link at any component.
    static func openFile(_ path: String, below root: String) throws(FolderError) -> Int32 {
        let (parent, name) = split(path)
        let folder = try openFolder(parent, below: root, create: false)
        defer { close(folder) }
        // O_NONBLOCK: a FIFO planted under a segment's name must not hang the reader.
        let fd = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw failure(at: name, in: folder, path: path, writing: false) }
        return fd
    }

    /// Whether `path` itself, or a folder between `root` and it, is a symbolic link: the first
    /// such path, or nil. For reports; the opening functions above are what is safe.
    static func firstLink(_ path: String, below root: String) -> String? {
        guard let parts = try? components(of: path, below: root) else { return nil }
        var reached = root
        for component in parts {
            reached += "/" + component
            var info = stat()
            guard lstat(reached, &info) == 0 else { return nil }
            if (info.st_mode & S_IFMT) == S_IFLNK { return reached }
        }
        return nil
    }

    static func split(_ path: String) -> (parent: String, name: String) {
        let url = URL(fileURLWithPath: path)
        return (url.deletingLastPathComponent().path, url.lastPathComponent)
    }

    private static func components(of path: String, below root: String) throws(FolderError) -> [String] {
        let trimmedRoot = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        guard path == trimmedRoot || path.hasPrefix(trimmedRoot + "/") else { throw FolderError.outside(path, root) }
        let parts = path.dropFirst(trimmedRoot.count).split(separator: "/").map(String.init)
        guard !parts.contains(where: { $0 == ".." || $0 == "." }) else { throw FolderError.outside(path, root) }
        return parts
    }

    /// Why opening `name` in the folder `fd` failed: a link, or the system's reason.
    private static func failure(at name: String, in fd: Int32, path: String, writing: Bool) -> FolderError {
        let why = String(cString: strerror(errno))
        var info = stat()
        if fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            return .symbolicLink(path)
        }
        return writing ? .cannotWrite(path, why) : .unreadable(path)
    }
}
