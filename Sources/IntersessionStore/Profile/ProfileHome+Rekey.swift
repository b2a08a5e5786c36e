import Foundation
import IntersessionCore

/// A re-admitted member takes up a new key in the same home: the store (the group's log) stays,
/// the old key is kept beside it, never deleted, for the evidence of what it signed.
extension ProfileHome {
    public func retiredKeyURL(of feed: FeedID) -> URL {
        folder.appendingPathComponent("identity.key.replaced-" + feed.short)
    }

    /// Moves the current key aside and writes `key` in its place. Returns the old key's new place.
    @discardableResult
    public func replaceKey(with key: DeviceKey) throws -> URL {
        let old = try loadKey()
        let retired = retiredKeyURL(of: old.feed)
        guard rename(keyURL.path, retired.path) == 0 else {
            throw ProfileError.cannotWrite(retired.path, String(cString: strerror(errno)))
        }
        do {
            try KeyFile.write(key, to: keyURL)
        } catch {
            rename(retired.path, keyURL.path)
            throw error
        }
        return retired
    }

    /// Undoes `replaceKey` when what followed it failed: the retired key comes back.
    public func restoreKey(from retired: URL) {
        try? FileManager.default.removeItem(at: keyURL)
        rename(retired.path, keyURL.path)
    }
}
