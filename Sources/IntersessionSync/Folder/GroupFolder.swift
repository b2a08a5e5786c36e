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
public struct GroupFolder: Sendable {
    public let root: String
    public let group: GroupID

    public init(root: String, group: GroupID) {
        self.root = root
        self.group = group
    }

    public var path: String { root + "/group-" + group.short }
    public var groupFile: String { path + "/GROUP" }
    public var feedsPath: String { path + "/feeds" }
    public func feedPath(_ feed: FeedID) -> String { feedsPath + "/" + feed.hex }
    public func segmentPath(_ feed: FeedID, _ name: SegmentName) -> String { feedPath(feed) + "/" + name.fileName }

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

    init(name: String) {
        if let segment = SegmentName(fileName: name) {
            self = .segment(segment)
        } else if name.hasPrefix(".") || name.hasPrefix("~") || name.hasSuffix(".tmp") || name.hasSuffix(".partial")
            || name.hasSuffix(".!sync") || name.lowercased() == "desktop.ini" || name == "Thumbs.db"
        {
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
