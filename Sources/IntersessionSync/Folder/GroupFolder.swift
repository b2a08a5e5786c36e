import Foundation
import IntersessionCore

/// One group's part of a shared folder (DESIGN §5):
///
/// ```
/// <folder>/group-<group id short>/
///   GROUP                                    the genesis change, as a one-change segment
///   feeds/<feed id>/<first>-<last>.seg       each feed's changes
///   blobs/<sha256 hex>                       attachments
/// ```
///
/// A sealed group's folder (the Sealing article) has the same shape under names that reveal
/// nothing (`SealedNames`), every file sealed, and a `keys/` folder of epoch key files.
public struct GroupFolder: Sendable {
    public let root: String
    public let group: GroupID
    public let sealing: FolderSealing?

    /// Named once: a sealed group's name is an HMAC, and every path below asks for it.
    public let path: String

    public init(root: String, group: GroupID, sealing: FolderSealing? = nil) {
        self.root = root
        self.group = group
        self.sealing = sealing
        path = root + "/" + (sealing?.names.groupFolder ?? "group-" + group.short)
    }

    public var groupFile: String { path + "/GROUP" }
    public var feedsPath: String { path + "/feeds" }
    public var keysPath: String { path + "/keys" }
    /// The name of a feed's folder: its id, or in a sealed folder the name `SealedNames` gives it.
    public func feedFolderName(_ feed: FeedID) -> String { sealing?.names.feedFolder(feed) ?? feed.hex }
    public func feedPath(_ feed: FeedID) -> String { feedsPath + "/" + feedFolderName(feed) }
    public func segmentPath(_ feed: FeedID, _ name: SegmentName) -> String { feedPath(feed) + "/" + name.fileName }

    /// Whether `name` in `feeds/` can be a feed folder of this group.
    func isFeedFolderName(_ name: String) -> Bool {
        sealing == nil ? FeedID(hex: name) != nil && name == name.lowercased() : SealedNames.isFeedFolder(name)
    }

    /// A segment's bytes as this folder holds them: sealed under the current epoch, or as they are.
    func encodeSegment(_ changes: [SignedChange]) throws(FolderError) -> [UInt8] {
        let bytes = SegmentFormat.encode(changes, group: group)
        return try sealing?.seal(bytes) ?? bytes
    }

    /// A segment read from this folder, opened when sealed, and checked.
    func decodeSegment(_ bytes: [UInt8], feed: FeedID?, name: SegmentName?) throws(SegmentError) -> (group: GroupID, changes: [SignedChange]) {
        let contents = try sealing?.open(bytes) ?? bytes
        return try SegmentFormat.decode(contents, group: group, feed: feed, name: name)
    }

    /// The segment `bytes` hold, opened when sealed, for comparing with what would be written.
    func openedContents(_ bytes: [UInt8]) -> [UInt8]? {
        guard let sealing else { return bytes }
        return try? sealing.open(bytes)
    }

    /// Reads a file of this group folder, bounded by `limit`, refusing a link on the way.
    func read(_ path: String, limit: Int) throws(FolderError) -> [UInt8] {
        let fd = try NoFollow.openFile(path, below: root)
        defer { close(fd) }
        return try Files.read(fd, path: path, limit: limit)
    }

    /// Writes a file of this group folder atomically, never through a link.
    func write(_ bytes: [UInt8], to path: String) throws(FolderError) {
        try AtomicFile.write(bytes, to: path, below: root)
    }

    /// Makes a folder of this group folder and those above it, refusing a link on the way.
    func makeDirectory(_ path: String) throws(FolderError) {
        close(try NoFollow.openFolder(path, below: root, create: true))
    }

    /// The first link between the root and `path` (included), if any: what to report.
    func firstLink(to path: String) -> String? { NoFollow.firstLink(path, below: root) }

    /// The groups a folder holds, by the `group-` folders in it (for a newcomer to find theirs).
    public static func groupFiles(in root: String) -> [String] {
        Files.list(root).filter { $0.hasPrefix("group-") }.map { root + "/" + $0 + "/GROUP" }
    }
}

/// Which names in a feed folder are segments, which are left alone silently (temporary files),
/// which are read only for fork evidence (sync tools' conflict copies), and which are reported
/// once (other stray files).
enum FolderEntry: Equatable {
    case segment(SegmentName)
    case temporary
    case conflictCopy
    case stray(String)

    static let linkReason = "a symbolic link; not followed"

    /// The entry `name` of the folder `folder`: a link is never taken for a segment.
    init(name: String, in folder: String) {
        if FileStatus(entry: folder + "/" + name)?.isSymbolicLink == true, !Self.isTemporary(name) {
            self = .stray(Self.linkReason)
        } else {
            self.init(name: name)
        }
    }

    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~") || name.hasSuffix(".tmp") || name.hasSuffix(".partial")
            || name.hasSuffix(".!sync") || name.lowercased() == "desktop.ini" || name == "Thumbs.db"
    }

    init(name: String) {
        if let segment = SegmentName(fileName: name) {
            self = .segment(segment)
        } else if Self.isTemporary(name) {
            self = .temporary
        } else if name.contains(".sync-conflict-") || name.contains("(conflicted copy") || name.contains("-conflict-")
            || name.contains("Conflicted copy")
        {
            self = .conflictCopy
        } else {
            self = .stray("not a segment name; ignored")
        }
    }
}
