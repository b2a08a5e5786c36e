import Foundation
import IntersessionCore
import IntersessionStore

/// Finding an invite's group in a shared folder. (The acts of inviting and joining, which sign,
/// live in the actions layer: `Actions.invite`, `Membership.join`.)
public enum Invitation {
    /// The folder named on the command line, else the first place the invite's folder hints
    /// name that holds the group.
    public static func sharedFolder(for invite: InviteFile, override: String?) throws -> String {
        let candidates = override.map { [$0] } ?? invite.folders.flatMap { FolderHint.candidates($0) }
        for root in candidates {
            let folder = self.folder(URL(fileURLWithPath: root).standardizedFileURL.path, for: invite)
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
            guard let genesis = genesis(in: bytes, of: folder), genesis.hash == invite.group else {
                // A GROUP file cut short is a copy in progress: the group is not there yet.
                guard isCutShort(bytes, in: folder) else { throw InviteError.otherGroup(root) }
                if override != nil { throw InviteError.groupNotInFolder(root) }
                continue
            }
            return folder.root
        }
        throw InviteError.noFolder
    }

    /// The invite's group folder under `root`: a sealed group's under the names its genesis gives.
    static func folder(_ root: String, for invite: InviteFile) -> GroupFolder {
        isSealed(invite.genesis) ? GroupDiscovery.sealedFolder(root, invite.genesis) : GroupFolder(root: root, group: invite.group)
    }

    /// The genesis a GROUP file holds, opened with the names' key when sealed.
    static func genesis(in bytes: [UInt8], of folder: GroupFolder) -> SignedChange? {
        var contents = bytes
        if let names = folder.sealing?.names {
            var keyring = SealedFile.Keyring()
            keyring.add(id: "group", key: names.groupFileKey)
            guard let opened = try? SealedFile.open(bytes, with: keyring).contents else { return nil }
            contents = opened
        }
        return (try? SegmentFormat.decode(contents, group: nil, feed: nil, name: nil))?.changes.first
    }

    /// Whether a GROUP file's bytes are a whole file's start: a segment without its trailer, or
    /// a sealed file shorter than any whole one.
    static func isCutShort(_ bytes: [UInt8], in folder: GroupFolder) -> Bool {
        if folder.sealing != nil {
            return FolderSealing.isHeaderBegun(bytes) || (bytes.starts(with: SealedFile.magic) && !SealedFile.isWholeLength(bytes.count))
        }
        do {
            _ = try SegmentFormat.decode(bytes, group: nil, feed: nil, name: nil)
            return false
        } catch .incomplete {
            return true
        } catch {
            return false
        }
    }

    /// Whether a genesis founds a sealed group.
    public static func isSealed(_ genesis: SignedChange) -> Bool {
        genesis.body.ops.contains { if case .groupCreate(let create) = $0 { create.sealed } else { false } }
    }
}

extension Invitation {
    /// Where a newcomer finds the group: the folder given, else the remote given, else the
    /// first of the invite's folder hints that holds the group, else the invite's first remote.
    public static func place(for invite: InviteFile, folder: String?, remote: String?) throws -> (folder: String?, remote: RemoteLocation?) {
        if let remote, folder == nil { return (nil, try RemoteLocation(parsing: remote)) }
        do {
            return (try sharedFolder(for: invite, override: folder), try remote.map(RemoteLocation.init(parsing:)))
        } catch InviteError.noFolder where folder == nil && !invite.remotes.isEmpty {
            return (nil, try RemoteLocation(parsing: invite.remotes[0]))
        }
    }
}
