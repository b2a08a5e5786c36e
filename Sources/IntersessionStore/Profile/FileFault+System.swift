import Foundation
import IntersessionCore

#if canImport(Glibc)
import Glibc
#endif

/// How the system names the faults of `FileFault`: by errno, by its `strerror` text (what
/// the folder layer's errors carry), or by the state of the file system a path is on.
extension FileFault.Kind {
    public init?(errno code: Int32) {
        switch code {
        case ENOSPC, EDQUOT, EFBIG: self = .noSpace
        case EROFS: self = .readOnly
        case EIO: self = .ioError
        default: return nil
        }
    }

    public init?(reason: String) {
        guard let code = [ENOSPC, EDQUOT, EFBIG, EROFS, EIO].first(where: { String(cString: strerror($0)) == reason }) else { return nil }
        self.init(errno: code)
    }

    /// What is wrong with the file system holding `path` (or its nearest existing folder):
    /// SQLite says "disk I/O error" or "unable to open" where the disk is full or read-only.
    public static func ofFileSystem(at path: String) -> FileFault.Kind? {
        var probe = path
        var status = statvfs()
        while statvfs(probe, &status) != 0 {
            let parent = (probe as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != probe else { return nil }
            probe = parent
        }
        if status.f_flag & UInt(ST_RDONLY) != 0 { return .readOnly }
        if status.f_bavail == 0 { return .noSpace }
        return nil
    }
}
