import Foundation
import IntersessionCore
import IntersessionStore

/// Inviting someone (the secretariat's side) and joining with an invite (the invitee's side).
public enum Invitation {
    /// Signs a `member.invite` for a fresh one-time key and returns the file for the invitee.
    public static func create(
        store: AppDatabase, key: DeviceKey, name: String, organisation: String, role: Role, expires: Int64,
        folders: [String], now: Int64
    ) throws -> InviteFile {
        let inviteKey = DeviceKey()
        let op = Op.memberInvite(MemberInvite(key: inviteKey.feed, role: role, name: name, organisation: organisation, expires: expires))
        let change = try store.author(ops: [op], references: [], key: key, now: now)
        guard let group = try store.groupID(), let genesis = try store.genesis() else { throw StoreError.noGroup }
        return InviteFile(group: group, genesis: genesis, invite: change.entity(0), secret: inviteKey.seed, name: name,
                          organisation: organisation, role: role, expires: expires, folders: folders)
    }

    /// Makes a profile in `home` that joins the invite's group through a shared folder: reads the
    /// group there, signs the join, and writes it back. On failure the new profile is removed.
    public static func join(
        _ invite: InviteFile, home: ProfileHome, profile: MemberProfile, folder override: String?, now: Int64
    ) throws -> (change: SignedChange, report: SyncReport) {
        guard invite.expires > now else { throw InviteError.expired(invite.expires) }
        let root = try sharedFolder(for: invite, override: override)
        let key = DeviceKey()
        let created = try home.create(key: key)
        do {
            try ProfileConfig(values: ["lang": profile.language.rawValue]).save(to: home.configURL)
            let store = try home.createStore()
            try store.apply([invite.genesis])
            let folders = try RememberedFolders(store: store).add([root])
            let engine = SyncEngine(store: store)
            _ = try engine.sync(folders: folders)
            // The log's signed facts decide; the file's copy of the expiry was only a first hint.
            guard let status = try store.signedInvite(invite.invite) else { throw InviteError.notYetInFolder }
            if status.cancelled { throw InviteError.cancelled }
            guard status.expires > now else { throw InviteError.expired(status.expires) }
            if let holder = status.redeemedBy { throw InviteError.alreadyUsed(status.redeemedByName ?? String(holder.prefix(8))) }
            if let other = status.redeemers.first { throw InviteError.alreadyUsed(other.name ?? String(other.feed.prefix(8))) }
            let inviteKey = try DeviceKey(seed: invite.secret)
            let join = MemberJoin(invite: invite.invite, proof: MemberJoin.proof(group: invite.group, feed: key.feed, inviteKey: inviteKey))
            let change: SignedChange
            do {
                change = try store.author(ops: [.memberJoin(join), .memberProfile(profile)], references: [invite.invite], key: key, now: now)
            } catch StoreError.invalid {
                throw InviteError.wrongKey
            }
            return (change, try engine.sync(folders: folders))
        } catch {
            home.discard(created)
            throw error
        }
    }

    /// The folder named on the command line, else the first of the invite's folders that
    /// holds the group.
    static func sharedFolder(for invite: InviteFile, override: String?) throws -> String {
        let candidates = override.map { [$0] } ?? invite.folders
        for root in candidates {
            let folder = GroupFolder(root: URL(fileURLWithPath: root).standardizedFileURL.path, group: invite.group)
            guard FileStatus(path: folder.root)?.isDirectory == true else {
                if override != nil { throw FolderError.missing(root) }
                continue
            }
            guard let bytes = try? Files.read(folder.groupFile, limit: SegmentFormat.maximumFileBytes) else {
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
