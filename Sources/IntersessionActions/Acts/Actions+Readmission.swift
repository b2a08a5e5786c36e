import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// Re-admission (DESIGN §4): a member whose feed forked (a copied home signed two different
/// changes for one seq) or whose key was lost joins again under a new key, keeping name,
/// delegation and every role.
extension Actions {
    /// What the secretariat hands the member, and the feed it retires.
    public struct Readmission: Sendable {
        public var file: InviteFile
        public var replaced: FeedID
        /// Every role the new key will hold, its main one first.
        public var roles: [Role]
        /// The old feed's last change that still counts (before the fork point, if it forked).
        public var lastCounted: Int64
        public var report: SyncReport?
    }

    /// Re-admits `member` (secretariat): one change removes the old feed after its last change
    /// that counts here and invites a new key with the same name, delegation and roles, naming
    /// the feed it replaces. The invite file goes to `path`, as for any invite.
    @discardableResult
    public func readmit(_ member: String, days: Int = Terms.inviteDays, to path: String) throws -> Readmission {
        let days = try Input.days(days, option: "--expires", in: 1...Terms.inviteMaximumDays)
        guard !FileManager.default.fileExists(atPath: path) else { throw ActionError.fileExists(path: path) }
        try adoptOwnChanges()
        let target = try self.member(member)
        if target.feed == key.feed { throw ActionError.cannotRemoveSelf }
        let roles = Self.mainRoleFirst(try store.currentRoles(of: target.feed))
        guard let main = roles.first, let who = try store.members().first(where: { $0.feed == target.feed.hex }) else {
            throw ActionError.nothingToReadmit(member: member)
        }
        let inviteKey = DeviceKey()
        let now = clock()
        let sealed = try store.isSealed()
        let invite = MemberInvite(key: inviteKey.feed, role: main, name: who.name ?? "", organisation: who.organisation ?? "",
                                  expires: Terms.after(days: days, from: now), also: Array(roles.dropFirst()),
                                  replaces: target.feed, agreementKey: sealed ? inviteKey.agreementPublicKey : nil)
        // The retired key (a copied home holds it twice) reads nothing after this change.
        let change = try signStartingEpoch(
            [.memberRevoke(MemberRevoke(feed: target.feed, role: nil, lastSeq: target.head, lastHash: target.hash)), .memberInvite(invite)],
            adding: sealed ? [inviteKey.feed: inviteKey.agreementPublicKey] : [:], removing: [target.feed], at: now)
        guard let group = try store.groupID(), let genesis = try store.genesis() else { throw StoreError.noGroup }
        let hints = try inviteHints()
        let file = InviteFile(group: group, genesis: genesis, invite: change.entity(1), secret: inviteKey.seed, name: invite.name,
                              organisation: invite.organisation, role: main, expires: invite.expires,
                              folders: hints.folders, replaces: target.feed,
                              seal: Self.seal(in: change, for: inviteKey.feed), remotes: hints.remotes)
        try PrivateFile.create(file.bytes, at: path)
        return Readmission(file: file, replaced: target.feed, roles: roles, lastCounted: target.head, report: try publish())
    }

    /// The voting or taking-part role first (the one an invite names), the offices after it.
    static func mainRoleFirst(_ roles: Set<Role>) -> [Role] {
        let order: [Role] = [.member, .partner, .private, .observer, .expert, .cochair, .secretariat]
        return order.filter(roles.contains)
    }
}
