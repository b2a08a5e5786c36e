import Foundation
import IntersessionCore
import IntersessionStore

/// The secretariat's decisions on invites already handed out: settling a contested one, and
/// cancelling one (a leaked or mistaken file).
extension Actions {
    /// The invites this replica knows, oldest first, with who redeemed them.
    public func invites() throws -> [InviteStatus] { try store.invites() }

    /// Seats `member`, one of the redeemers of a contested invite (secretariat). Until then the
    /// invite seats nobody: no leaked copy of the file can take the seat by its clock.
    @discardableResult
    public func admit(_ member: String, to invite: String) throws -> (invite: EntityID, feed: FeedID) {
        try adoptOwnChanges()
        let id = try entity(invite, as: .invite)
        guard let status = try store.signedInvite(id) else { throw StoreError.notFound(kind: "invite", prefix: invite) }
        let feed = try redeemer(member, of: status)
        try sign([.memberAdmit(MemberAdmit(invite: id, feed: feed))])
        return (id, feed)
    }

    /// Cancels an invite (secretariat): the redemptions seen here stay as they are; any other,
    /// from a copy of the file, never seats anyone.
    @discardableResult
    public func cancelInvite(_ invite: String) throws -> InviteStatus {
        try adoptOwnChanges()
        let id = try entity(invite, as: .invite)
        guard let status = try store.signedInvite(id) else { throw StoreError.notFound(kind: "invite", prefix: invite) }
        guard !status.cancelled else { throw StoreError.inviteCancelled(invite: id.short) }
        var seen: [FeedID: Int64] = [:]
        for redeemer in status.redeemers { if let feed = FeedID(hex: redeemer.feed) { seen[feed] = redeemer.seq } }
        // Whoever holds a copy of the file reads nothing after the cancellation.
        let inviteKey = try store.inviteKey(id)
        try signStartingEpoch([.memberUninvite(MemberUninvite(invite: id, seen: seen))], removing: inviteKey.map { [$0] } ?? [])
        return status
    }

    /// The redeemer of `status` that `typed` names: a feed prefix or a name.
    private func redeemer(_ typed: String, of status: InviteStatus) throws -> FeedID {
        let lowered = typed.lowercased()
        let matches = status.redeemers.filter { $0.feed.hasPrefix(lowered) || $0.name?.lowercased() == lowered }
        guard matches.count == 1, let feed = FeedID(hex: matches[0].feed) else {
            throw StoreError.notARedeemer(feed: typed, invite: String(status.id.prefix(8)))
        }
        return feed
    }
}
