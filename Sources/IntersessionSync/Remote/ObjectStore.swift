import Foundation

/// What the sync needs of a place that holds a group's files, and nothing more (issue 20,
/// DESIGN §5): list by prefix after a marker, get, and create-if-absent. Nothing is ever
/// overwritten or deleted, so the immutable, self-authenticating files of a shared folder fit
/// any such store: a folder (`FolderObjectStore`), S3-compatible object storage, WebDAV.
///
/// Keys are relative paths with `/` between their parts (`group-ab12…/feeds/…/1-40.seg`), the
/// same as in a shared folder; a store maps them below its own root or prefix.
public protocol ObjectStore: Sendable {
    /// Where the store is, for messages: never a credential.
    var displayName: String { get }
    /// Every object whose key starts with `prefix`, in byte order of the keys, only those after
    /// `after` when it is given.
    func list(prefix: String, after: String?) throws(RemoteError) -> [RemoteObject]
    /// The object's bytes; nil when there is no such object. More than `limit` bytes are refused.
    func get(_ key: String, limit: Int) throws(RemoteError) -> [UInt8]?
    /// Creates the object unless one exists under `key`: true when it wrote, false when the key
    /// was taken (what is there is left as it is).
    func putIfAbsent(_ key: String, _ bytes: [UInt8]) throws(RemoteError) -> Bool
}

/// One object a listing found.
public struct RemoteObject: Sendable, Equatable {
    public let key: String
    public let size: Int64

    public init(key: String, size: Int64) {
        self.key = key
        self.size = size
    }
}
