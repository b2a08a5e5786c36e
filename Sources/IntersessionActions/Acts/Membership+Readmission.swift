import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

extension Membership {
    /// Whether `invite` re-admits the feed of the profile in `home` (then `join` takes it up there).
    public static func readmits(_ invite: InviteFile, home: ProfileHome) -> Bool {
        guard let replaces = invite.replaces, home.exists, let key = try? home.loadKey() else { return false }
        return key.feed == replaces
    }

    /// Takes up a re-admission in the home of the feed it replaces: the same store, a new key
    /// (the old one kept beside it), a join signed with the invite key, and the same name,
    /// delegation and language. The log's signed invite decides, never the file's hint.
    public static func rejoin(_ invite: InviteFile, home: ProfileHome, now: Int64)
        throws -> (change: SignedChange, replaced: FeedID, report: SyncReport) {
        let store = try home.openStore()
        let old = try home.loadKey()
        let folders = try RememberedFolders(store: store).list()
        try holdSeal(of: invite, in: store)
        let engine = SyncEngine(store: store, device: old)
        _ = try engine.sync(folders: folders)
        guard let status = try store.signedInvite(invite.invite) else { throw InviteError.notYetInFolder }
        guard status.replaces == old.feed.hex else { throw ActionError.notYourReadmission(invite: invite.invite.short) }
        if status.cancelled { throw InviteError.cancelled }
        guard status.expires > now else { throw InviteError.expired(status.expires) }
        if let other = status.redeemers.first { throw InviteError.alreadyUsed(other.name ?? String(other.feed.prefix(8))) }
        let me = try store.members().first { $0.feed == old.feed.hex }
        let profile = MemberProfile(name: me?.name ?? status.name, organisation: me?.organisation ?? status.organisation,
                                    language: me?.language.flatMap(Language.init(rawValue:)) ?? .en)
        let key = DeviceKey()
        let inviteKey = try DeviceKey(seed: invite.secret)
        let join = MemberJoin(invite: invite.invite, proof: MemberJoin.proof(group: invite.group, feed: key.feed, inviteKey: inviteKey),
                              agreementKey: try store.isSealed() ? key.agreementPublicKey : nil)
        let retired = try home.replaceKey(with: key)
        let change: SignedChange
        do {
            change = try store.author(ops: [.memberJoin(join), .memberProfile(profile)], key: key, now: now)
        } catch {
            // Nothing was signed with the new key: the home is as it was.
            home.restoreKey(from: retired)
            if case StoreError.refused = error { throw InviteError.wrongKey }
            throw error
        }
        return (change, old.feed, try SyncEngine(store: store, device: key).sync(folders: folders))
    }
}
