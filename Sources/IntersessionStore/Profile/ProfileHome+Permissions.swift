import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A home is its owner's alone (DESIGN §3): the folder 0700, its files 0600, since the key
/// signs in the person's name and the store holds the group's private threads. SQLite gives
/// the `-wal` and `-shm` files it creates later the mode of the store itself, so a store made
/// 0600 keeps them 0600 too.
extension ProfileHome {
    /// The files of a home, existing or not: key, store (with its `-wal` and `-shm`), config.
    public var privateFiles: [URL] {
        [keyURL, storeURL, URL(fileURLWithPath: storeURL.path + "-wal"), URL(fileURLWithPath: storeURL.path + "-shm"), configURL]
    }

    /// Whether the folder itself lets other users in (group or others may read or enter it).
    public var folderIsOpenToOthers: Bool { Self.isOpenToOthers(folder.path) }

    /// The folder and the files of this home that other users of the machine may read or
    /// change, to warn about when it is opened.
    public var exposedPaths: [String] {
        ([folder] + privateFiles).map(\.path).filter(Self.isOpenToOthers)
    }

    /// Makes the folder 0700 and each of its files that exists 0600.
    public func restrictPermissions() throws {
        for (path, mode) in [(folder.path, mode_t(0o700))] + privateFiles.map({ ($0.path, mode_t(0o600)) }) {
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard chmod(path, mode) == 0 else { throw ProfileError.cannotWrite(path, String(cString: strerror(errno))) }
        }
    }

    static func isOpenToOthers(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & 0o077 != 0
    }
}
