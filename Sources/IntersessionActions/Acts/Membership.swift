import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// The acts that make a profile: founding a group, and joining one with an invite.
public enum Membership {
    /// Makes a profile in `home` that founds a group from `template`, as its secretariat. The
    /// group is sealed (its first epoch in the change after the genesis) unless `open`.
    public static func found(home: ProfileHome, template: GroupTemplate, title: String?, founder: MemberProfile,
                             open: Bool = false, now: Int64) throws -> (store: AppDatabase, key: DeviceKey, genesis: SignedChange) {
        let founder = MemberProfile(name: try Input.name(founder.name), organisation: try Input.organisation(founder.organisation),
                                    language: founder.language)
        let founded = try home.found(template: template, title: try title.map(Input.title), founder: founder, sealed: !open, now: now)
        if !open { try startFirstEpoch(store: founded.store, key: founded.key, now: now) }
        return founded
    }

    /// Makes a profile in `home` that joins the invite's group through a shared folder: reads
    /// the group there, signs the join with the invite's key, and writes it back. On failure
    /// the new profile is removed.
    public static func join(_ invite: InviteFile, home: ProfileHome, profile: MemberProfile, folder override: String?,
                            remote: String? = nil, now: Int64) throws -> (change: SignedChange, report: SyncReport) {
        let profile = MemberProfile(name: try Input.name(profile.name), organisation: try Input.organisation(profile.organisation),
                                    language: profile.language)
        // A first hint from the file, before any folder is read; the signed expiry decides below.
        guard invite.expires > now else { throw InviteError.expired(invite.expires) }
        let (root, remote) = try Invitation.place(for: invite, folder: override, remote: remote)
        if let joined = try finishedJoin(invite, home: home) { return joined }
        let key = DeviceKey()
        let created = try home.create(key: key)
        do {
            try ProfileConfig(values: ["lang": profile.language.rawValue]).save(to: home.configURL)
            let store = try home.createStore()
            try store.apply([invite.genesis])
            try holdSeal(of: invite, in: store)
            if let remote { try RememberedRemotes(store: store).add([remote.description]) }
            let folders = try RememberedFolders(store: store).add(root.map { [$0] } ?? [])
            let engine = SyncEngine(store: store, device: key)
            // The first sync's bad files are recorded as reported: the report must carry them.
            let first = try engine.sync(folders: folders)
            // The remote was the only way in: why it failed is the answer, in the person's language.
            if remote != nil, root == nil, let failure = first.remoteErrors.first, try store.signedInvite(invite.invite) == nil { throw failure }
            // A cancellation is sealed away from the invite it cancels: its sign is an epoch
            // beyond reach. What the log does show (used, expired) is said first.
            let lockedOut = try store.isSealed() && first.newestLockedEpoch > (try store.currentEpoch()?.number ?? 0)
            // The log's signed facts decide; the file's copy of the expiry was only a first hint.
            guard let status = try store.signedInvite(invite.invite) else { throw lockedOut ? InviteError.lockedOut : InviteError.notYetInFolder }
            if status.cancelled { throw InviteError.cancelled }
            guard status.expires > now else { throw InviteError.expired(status.expires) }
            if let holder = status.redeemedBy { throw InviteError.alreadyUsed(status.redeemedByName ?? String(holder.prefix(8))) }
            if let other = status.redeemers.first { throw InviteError.alreadyUsed(other.name ?? String(other.feed.prefix(8))) }
            if lockedOut { throw InviteError.lockedOut }
            let inviteKey = try DeviceKey(seed: invite.secret)
            let join = MemberJoin(invite: invite.invite, proof: MemberJoin.proof(group: invite.group, feed: key.feed, inviteKey: inviteKey),
                                  agreementKey: try store.isSealed() ? key.agreementPublicKey : nil)
            let change: SignedChange
            do {
                change = try store.author(ops: [.memberJoin(join), .memberProfile(profile)], key: key, now: now)
            } catch StoreError.refused {
                throw InviteError.wrongKey
            }
            return (change, try engine.sync(folders: folders).following(first))
        } catch {
            home.discard(created)
            throw error
        }
    }

    /// A join killed after it signed (the crash loop's second finding): the profile is whole,
    /// so running the same join again finishes what it had left, the sync, instead of refusing
    /// the home as taken.
    static func finishedJoin(_ invite: InviteFile, home: ProfileHome) throws -> (change: SignedChange, report: SyncReport)? {
        guard home.exists, let key = try? home.loadKey(), let store = try? home.openStore(),
            try store.groupID() == invite.group, let first = try store.changes(of: key.feed, in: 1...1).first,
            first.body.ops.contains(where: { if case .memberJoin(let join) = $0 { join.invite == invite.invite } else { false } })
        else { return nil }
        return (first, try SyncEngine(store: store, device: key).sync(folders: try RememberedFolders(store: store).list()))
    }

    /// A sealed group's invite: keeps the invite secret (epochs wrapped for the invite while it
    /// was open are opened with it) and the epoch the file carries.
    static func holdSeal(of invite: InviteFile, in store: AppDatabase) throws {
        guard Invitation.isSealed(invite.genesis) else { return }
        let inviteKey = try DeviceKey(seed: invite.secret)
        try store.holdInviteSecret(invite.secret, for: inviteKey.feed)
        guard let seal = invite.seal,
            let key = try? seal.envelope.open(epoch: seal.number, group: invite.group, with: inviteKey.agreementKey)
        else { return }
        try store.holdEpochKeys([seal.epoch.hex: key.bytes])
    }
}
