import Foundation
import IntersessionCore
import IntersessionStore

/// Finding, in shared folders, the group a profile belongs to when its store is lost: the group
/// whose folder holds the profile's own feed (else the only group there), by its GROUP file.
/// An open group's GROUP file says which group it is. A sealed group's folder and GROUP file
/// are named and sealed under keys derived from its genesis, so a sealed group is found only
/// from a genesis already `known` (one the damaged store still holds, or an invite's).
public enum GroupDiscovery {
    /// The genesis change of the profile's group. `expected`, when the damaged store still
    /// names its group, is the only group accepted.
    public static func genesis(in roots: [String], member: FeedID, expected: GroupID?, known: [SignedChange] = []) throws
        -> SignedChange {
        var withMember: [GroupID: SignedChange] = [:]
        var others: [GroupID: SignedChange] = [:]
        var unknownSealed = false
        for root in roots where FileStatus(path: root)?.isDirectory == true {
            let found = groups(in: root, known: known)
            unknownSealed = unknownSealed || found.unknownSealed
            for group in found.groups where expected == nil || group.genesis.hash == expected {
                if FileStatus(path: group.folder.feedPath(member))?.isDirectory == true {
                    withMember[group.genesis.hash] = group.genesis
                } else {
                    others[group.genesis.hash] = group.genesis
                }
            }
        }
        if withMember.count == 1, let only = withMember.values.first { return only }
        if withMember.isEmpty, others.count == 1, let only = others.values.first { return only }
        let folders = roots.joined(separator: ", ")
        if withMember.isEmpty && others.isEmpty {
            throw unknownSealed ? RecoveryError.sealedGroupUnknown(folders) : RecoveryError.noGroupInFolders(folders)
        }
        throw RecoveryError.severalGroups(folders)
    }

    /// The groups `root` holds that can be told: each open group by its GROUP file, each sealed
    /// group of `known` by the folder its genesis names and the GROUP file sealed there; and
    /// whether a sealed GROUP file was left that no known genesis opens.
    static func groups(in root: String, known: [SignedChange]) -> (groups: [Found], unknownSealed: Bool) {
        var groups: [Found] = []
        var opened: Set<String> = []
        for genesis in known where Invitation.isSealed(genesis) && !groups.contains(where: { $0.genesis.hash == genesis.hash }) {
            let folder = sealedFolder(root, genesis)
            guard let bytes = try? folder.read(folder.groupFile, limit: SegmentFormat.maximumFileBytes),
                Invitation.genesis(in: bytes, of: folder)?.hash == genesis.hash
            else { continue }
            groups.append(Found(genesis: genesis, folder: folder))
            opened.insert(folder.groupFile)
        }
        var unknownSealed = false
        for file in GroupFolder.groupFiles(in: root) where !opened.contains(file) {
            guard let bytes = try? Files.read(file, limit: SegmentFormat.maximumFileBytes) else { continue }
            if bytes.starts(with: SealedFile.magic) {
                unknownSealed = true
            } else if let genesis = openGenesis(bytes), GroupFolder(root: root, group: genesis.hash).groupFile == file {
                groups.append(Found(genesis: genesis, folder: GroupFolder(root: root, group: genesis.hash)))
            }
        }
        return (groups, unknownSealed)
    }

    /// A group found in a folder, and its folder there.
    struct Found {
        let genesis: SignedChange
        let folder: GroupFolder
    }

    /// A sealed group's folder under `root`, named as its genesis says.
    static func sealedFolder(_ root: String, _ genesis: SignedChange) -> GroupFolder {
        GroupFolder(root: root, group: genesis.hash,
                    sealing: FolderSealing(names: SealedNames(genesis: genesis), keyring: .init(), currentEpoch: nil))
    }

    private static func openGenesis(_ bytes: [UInt8]) -> SignedChange? {
        guard let decoded = try? SegmentFormat.decode(bytes, group: nil, feed: nil, name: nil),
            decoded.changes.count == 1, let genesis = decoded.changes.first, genesis.body.isGenesis, genesis.hash == decoded.group,
            !Invitation.isSealed(genesis)
        else { return nil }
        return genesis
    }
}
