import Foundation

/// The keys a remote holds: a shared folder's files under their relative paths, and the
/// journal that lets a sync find what is new with one listing (`RemoteJournal`).
enum RemoteKeys {
    /// The most bytes any file of a group folder may have (an attachment's blob, sealed).
    static let maximumObjectBytes = GroupFolder.maximumBlobBytes + 65_536

    /// Whether `key` can be a file of a shared folder (`group-…/GROUP`, `…/feeds/<feed>/<segment>`,
    /// `…/keys/<file>`, `…/blobs/<file>`): two to four parts of letters, digits, `.`, `_` and `-`,
    /// none starting with a dot. Anything else a remote lists is never fetched.
    static func isFolderFile(_ key: String) -> Bool {
        guard key.utf8.count <= 400 else { return false }
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard (2...4).contains(parts.count) else { return false }
        return parts.allSatisfy(isPart)
    }

    private static func isPart(_ part: Substring) -> Bool {
        guard let first = part.utf8.first, first != UInt8(ascii: "."), part.utf8.count <= 128 else { return false }
        return part.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }
}
