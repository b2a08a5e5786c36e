import Foundation
import GRDB
import IntersessionCore

/// The secretariat's decisions on invites: admitting one redeemer of a contested invite, and
/// cancelling an invite.
extension AppDatabase {
    /// Signs `member.admit`: `feed`, one of the invite's redeemers, takes the seat. The change
    /// depends on the redemption, so every replica applies it after the join it names.
    public func admit(invite: EntityID, feed: FeedID, key: DeviceKey, now: Int64) throws -> SignedChange {
        guard let status = try signedInvite(invite) else { throw StoreError.notFound(kind: "invite", prefix: invite.short) }
        guard let redemption = status.redeemers.first(where: { $0.feed == feed.hex }) else {
            throw StoreError.notARedeemer(feed: feed.short, invite: invite.short)
        }
        return try author(ops: [.memberAdmit(MemberAdmit(invite: invite, feed: feed))], key: key, now: now,
                          dependsOn: [feed: redemption.seq])
    }

    /// Signs `member.uninvite` with the redemptions seen here: those stay as they are, and no
    /// other redemption of the invite will ever seat anyone.
    public func uninvite(invite: EntityID, key: DeviceKey, now: Int64) throws -> SignedChange {
        guard let status = try signedInvite(invite) else { throw StoreError.notFound(kind: "invite", prefix: invite.short) }
        guard !status.cancelled else { throw StoreError.inviteCancelled(invite: invite.short) }
        var seen: [FeedID: Int64] = [:]
        for redeemer in status.redeemers { if let feed = FeedID(hex: redeemer.feed) { seen[feed] = redeemer.seq } }
        return try author(ops: [.memberUninvite(MemberUninvite(invite: invite, seen: seen))], key: key, now: now)
    }
}
