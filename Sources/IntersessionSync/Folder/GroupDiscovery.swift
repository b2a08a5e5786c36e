import Foundation
import IntersessionCore
import IntersessionStore

/// Finding, in shared folders, the group a profile belongs to when its store is lost: the group
/// whose folder holds the profile's own feed (else the only group there), by its GROUP file.
public enum GroupDiscovery {
    /// The genesis change of the profile's group. `expected`, when the damaged store still
    /// names its group, is the only group accepted.
    public static func genesis(in roots: [String], member: FeedID, expected: GroupID?) throws -> SignedChange {
        var withMember: [GroupID: SignedChange] = [:]
        var others: [GroupID: SignedChange] = [:]
        for root in roots where FileStatus(path: root)?.isDirectory == true {
            for file in GroupFolder.groupFiles(in: root) {
                guard let genesis = readGenesis(file), expected == nil || genesis.hash == expected else { continue }
                let folder = GroupFolder(root: root, group: genesis.hash)
                guard folder.groupFile == file else { continue }
                if FileStatus(path: folder.feedPath(member))?.isDirectory == true {
                    withMember[genesis.hash] = genesis
                } else {
                    others[genesis.hash] = genesis
                }
            }
        }
        if withMember.count == 1, let only = withMember.values.first { return only }
        if withMember.isEmpty, others.count == 1, let only = others.values.first { return only }
        if withMember.isEmpty && others.isEmpty { throw RecoveryError.noGroupInFolders(roots.joined(separator: ", ")) }
        throw RecoveryError.severalGroups(roots.joined(separator: ", "))
    }

    private static func readGenesis(_ path: String) -> SignedChange? {
        guard let bytes = try? Files.read(path, limit: SegmentFormat.maximumFileBytes),
            let decoded = try? SegmentFormat.decode(bytes, group: nil, feed: nil, name: nil),
            decoded.changes.count == 1, let genesis = decoded.changes.first, genesis.body.isGenesis, genesis.hash == decoded.group
        else { return nil }
        return genesis
    }
}
