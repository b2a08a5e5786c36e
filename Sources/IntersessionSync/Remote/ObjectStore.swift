import Foundation

/// What the sync needs of a place that holds a group's files, and nothing more (issue 20,
/// DESIGN §5): list by prefix after a marker, read, and create-if-absent. Nothing is ever
/// overwritten or deleted, so the immutable, self-authenticating files of a shared folder fit
/// any such store: S3-compatible object storage, WebDAV.
///
/// Keys are relative paths with `/` between their parts (`group-ab12…/feeds/…/1-40.seg`), the
/// same as in a shared folder; a store maps them below its own root or prefix.
///
/// A store may give each object a tag (an S3 or HTTP ETag) that changes whenever the object's
/// bytes do: a mirror compares the tags of a full listing with those it saw, to fetch again an
/// object altered on the remote without a change of size.
public protocol ObjectStore: Sendable {
    /// Where the store is, for messages: never a credential.
    var displayName: String { get }
    /// Every object whose key starts with `prefix`, in byte order of the keys, only those after
    /// `after` when it is given.
    func list(prefix: String, after: String?) throws(RemoteError) -> [RemoteObject]
    /// The object's bytes and tag; nil when there is no such object. More than `limit` bytes are
    /// refused.
    func read(_ key: String, limit: Int) throws(RemoteError) -> StoredObject?
    /// Creates the object unless one exists under `key` (what is there is left as it is).
    func create(_ key: String, _ bytes: [UInt8]) throws(RemoteError) -> Creation
}

extension ObjectStore {
    /// The object's bytes; nil when there is no such object.
    public func get(_ key: String, limit: Int) throws(RemoteError) -> [UInt8]? {
        try read(key, limit: limit)?.bytes
    }

    /// Creates the object unless one exists: true when it wrote, false when the key was taken.
    public func putIfAbsent(_ key: String, _ bytes: [UInt8]) throws(RemoteError) -> Bool {
        try create(key, bytes).wrote
    }
}

/// One object a listing found.
public struct RemoteObject: Sendable, Equatable {
    public let key: String
    public let size: Int64
    /// The store's tag for these bytes (see `ObjectTag`); nil when the store gave none.
    public let tag: String?

    public init(key: String, size: Int64, tag: String? = nil) {
        self.key = key
        self.size = size
        self.tag = ObjectTag.usable(tag)
    }
}

/// An object read: its bytes and, when the store gave one, its tag.
public struct StoredObject: Sendable, Equatable {
    public let bytes: [UInt8]
    public let tag: String?

    public init(bytes: [UInt8], tag: String? = nil) {
        self.bytes = bytes
        self.tag = ObjectTag.usable(tag)
    }
}

/// What a create-if-absent did.
public enum Creation: Sendable, Equatable {
    /// The bytes were written; the tag the store gave them, if it said.
    case written(tag: String?)
    /// Another object held the key; nothing was written.
    case taken

    public var wrote: Bool { if case .written = self { true } else { false } }
}

/// A tag as a store sends it, without the quotes and weak mark of an HTTP entity tag
/// (`W/"ab12"` is `ab12`, so that a listing's and a GET's agree however each quotes it), is kept
/// only when it is short printable ASCII without spaces, to fit a line of the mirror's `known`
/// file; anything else counts as no tag.
enum ObjectTag {
    static let maximumBytes = 200

    static func usable(_ sent: String?) -> String? {
        guard var tag = sent?.trimmingCharacters(in: .whitespaces) else { return nil }
        if tag.hasPrefix("W/") { tag.removeFirst(2) }
        if tag.count >= 2, tag.hasPrefix("\""), tag.hasSuffix("\"") { tag = String(tag.dropFirst().dropLast()) }
        guard !tag.isEmpty, tag.utf8.count <= maximumBytes,
              tag.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return tag
    }
}
