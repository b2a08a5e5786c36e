import Foundation
import IntersessionCore
import IntersessionStore

/// Finding an invite's group in a shared folder. (The acts of inviting and joining, which sign,
/// live in the actions layer: `Actions.invite`, `Membership.join`.)
public enum Invitation {
    /// The folder named on the command line, else the first of the invite's folders that
    /// holds the group.
    public static func sharedFolder(for invite: InviteFile, override: String?) throws -> String {
        let candidates = override.map { [$0] } ?? invite.folders
        for root in candidates {
            let folder = GroupFolder(root: URL(fileURLWithPath: root).standardizedFileURL.path, group: invite.group)
            guard FileStatus(path: folder.root)?.isDirectory == true else {
                if override != nil { throw FolderError.missing(root) }
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try folder.read(folder.groupFile, limit: SegmentFormat.maximumFileBytes)
            } catch .symbolicLink(let path) {
                throw FolderError.symbolicLink(path)
            } catch {
                if override != nil { throw InviteError.groupNotInFolder(root) }
                continue
            }
            guard let decoded = try? SegmentFormat.decode(bytes, group: nil, feed: nil, name: nil),
                decoded.changes.first?.hash == invite.group
            else { throw InviteError.otherGroup(root) }
            return folder.root
        }
        throw InviteError.noFolder
    }
}
