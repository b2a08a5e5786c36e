import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// Membership: roles granted and revoked, removal, one's own profile, invitations.
extension Actions {
    /// What a grant, revocation or removal names: the member and the change of theirs it counts from or up to.
    public struct MemberChange: Sendable, Equatable {
        public var feed: FeedID
        /// The grant counts from the member's change after this one; a revocation keeps up to it.
        public var seq: Int64
    }

    /// Grants `role` (secretariat), counting from the member's next change; `days` ends an
    /// expert's or co-chair's term (a prompt to revoke, never a rule).
    @discardableResult
    public func grant(_ role: Role, to member: String, days: Int? = nil) throws -> MemberChange {
        try adoptOwnChanges()
        return try grant(role, toFeed: try self.member(member).feed, days: days)
    }

    /// Grants `role` to a feed this replica may not know yet (a newcomer the secretariat admits).
    @discardableResult
    public func grant(_ role: Role, toFeed feed: FeedID, days: Int? = nil) throws -> MemberChange {
        if let days { _ = try Input.days(days, option: "--until", in: 1...Terms.maximumTermDays) }
        try adoptOwnChanges()
        let target = try member(feed: feed)
        let now = clock()
        try sign([.memberRole(MemberRole(feed: target.feed, role: role, fromSeq: target.head + 1,
                                         until: days.map { Terms.after(days: $0, from: now) }))], at: now)
        return MemberChange(feed: target.feed, seq: target.head)
    }

    /// Grants several roles in one change, each from its holder's next change: seating a new
    /// group's first members at once.
    public func grant(_ grants: [(role: Role, feed: FeedID)]) throws {
        try adoptOwnChanges()
        let ops = try grants.map { grant in
            Op.memberRole(MemberRole(feed: grant.feed, role: grant.role, fromSeq: try member(feed: grant.feed).head + 1))
        }
        try sign(ops)
    }

    /// Grants the co-chair role for one term to an elected candidate.
    @discardableResult
    public func grantCochairTerm(to member: String) throws -> MemberChange {
        try grant(.cochair, to: member, days: Terms.cochairTermDays)
    }

    /// Ends `role` (all roles: removes the member, when nil): their changes up to the last one seen here still count.
    @discardableResult
    public func revoke(_ role: Role?, from member: String) throws -> MemberChange {
        try adoptOwnChanges()
        let target = try self.member(member)
        if role == nil, target.feed == key.feed { throw ActionError.cannotRemoveSelf }
        let revoke = Op.memberRevoke(MemberRevoke(feed: target.feed, role: role, lastSeq: target.head, lastHash: target.hash))
        // The end of someone's membership starts an epoch they cannot read.
        let remaining = try store.currentRoles(of: target.feed).subtracting(role.map { [$0] } ?? Set(Role.allCases))
        if remaining.isEmpty {
            try signStartingEpoch([revoke], removing: [target.feed])
        } else {
            try sign([revoke])
        }
        return MemberChange(feed: target.feed, seq: target.head)
    }

    /// Removes a member (secretariat): nothing they sign after their last change seen here counts.
    @discardableResult
    public func remove(_ member: String) throws -> MemberChange { try revoke(nil, from: member) }

    /// Changes this profile's name, delegation or language (each kept when nil).
    @discardableResult
    public func setProfile(name: String? = nil, organisation: String? = nil, language: Language? = nil) throws -> MemberProfile {
        try adoptOwnChanges()
        let current = try store.members().first { $0.feed == key.feed.hex }
        let profile = MemberProfile(name: try Input.name(name ?? current?.name ?? ""),
                                    organisation: try Input.organisation(organisation ?? current?.organisation ?? ""),
                                    language: language ?? current?.language.flatMap(Language.init(rawValue:)) ?? .en)
        try sign([.memberProfile(profile)])
        return profile
    }

    /// Invites someone (secretariat): signs a `member.invite` for a fresh one-time key and writes
    /// the invite file to `path`, readable by its owner only from the first byte; then publishes
    /// the invite to the folders so that the invitee finds it.
    @discardableResult
    public func invite(name: String, organisation: String, role: Role, days: Int = Terms.inviteDays, to path: String)
        throws -> (file: InviteFile, report: SyncReport?) {
        let name = try Input.name(name), organisation = try Input.organisation(organisation)
        let days = try Input.days(days, option: "--expires", in: 1...Terms.inviteMaximumDays)
        guard !FileManager.default.fileExists(atPath: path) else { throw ActionError.fileExists(path: path) }
        try adoptOwnChanges()
        let inviteKey = DeviceKey()
        let now = clock()
        let expires = Terms.after(days: days, from: now)
        let sealed = try store.isSealed()
        let op = MemberInvite(key: inviteKey.feed, role: role, name: name, organisation: organisation, expires: expires,
                              agreementKey: sealed ? inviteKey.agreementPublicKey : nil)
        let change = try signStartingEpoch([.memberInvite(op)], adding: sealed ? [inviteKey.feed: inviteKey.agreementPublicKey] : [:], at: now)
        let invite = change.entity(0)
        guard let group = try store.groupID(), let genesis = try store.genesis() else { throw StoreError.noGroup }
        let hints = try inviteHints()
        let file = InviteFile(group: group, genesis: genesis, invite: invite, secret: inviteKey.seed, name: name,
                              organisation: organisation, role: role, expires: expires, folders: hints.folders,
                              seal: Self.seal(in: change, for: inviteKey.feed), remotes: hints.remotes)
        do {
            try PrivateFile.create(file.bytes, at: path)
        } catch {
            // The invite is signed, its secret not kept: cancelled, it is as if never made.
            _ = try? cancelInvite(invite.hex)
            throw error
        }
        return (file, try publish())
    }
}

extension Actions {
    /// The epoch `change` started, wrapped for `recipient`, for an invite file to carry.
    static func seal(in change: SignedChange, for recipient: FeedID) -> InviteFile.Seal? {
        for (index, op) in change.body.ops.enumerated() {
            guard case .groupKey(let key) = op, let bytes = key.wraps[recipient], let envelope = EpochEnvelope(bytes: bytes) else { continue }
            return InviteFile.Seal(epoch: change.entity(index), number: key.number, envelope: envelope)
        }
        return nil
    }
}

/// A file only its owner may read (an invite holds a secret): created with mode 0600, never
/// readable by others in between, and never over an existing file.
/// A file readable by its owner only, never overwritten, and never left half-written: on a
/// failed write what was written is removed, and a full or read-only disk says so (`FileFault`).
enum PrivateFile {
    static func create(_ bytes: [UInt8], at path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw ActionError.fileExists(path: path) }
            throw failure(errno, path)
        }
        var written = 0, code: Int32 = 0
        while written < bytes.count, code == 0 {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { written += count } else { code = count < 0 ? errno : ENOSPC }
        }
        if code == 0, fsync(descriptor) != 0 { code = errno }
        close(descriptor)
        guard code == 0 else {
            unlink(path)
            throw failure(code, path)
        }
    }

    private static func failure(_ code: Int32, _ path: String) -> Error {
        FileFault.Kind(errno: code).map { FileFault(path: path, kind: $0) } ?? ActionError.cannotWrite(path: path)
    }
}
