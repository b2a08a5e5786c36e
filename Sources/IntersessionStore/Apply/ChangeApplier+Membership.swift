import Foundation
import GRDB
import IntersessionCore

extension ChangeApplier {
    /// The group, its members' profiles and the invites that admit them.
    func executeMembership(_ mutation: Mutation, author: Int64) throws {
        switch mutation {
        case .createGroup(let id, let title, _, let stamp):
            try db.execute(
                sql: "INSERT OR IGNORE INTO group_info (id, title_en, title_fr, founder, created_ms) VALUES (?, ?, ?, ?, ?)",
                arguments: [id.bytes.blob, title.english, title.french, author, stamp.hlc.millis])
        case .setProfile(_, let profile, let stamp):
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO member (feed, name, org, lang, stamp_ms, stamp_c, stamp_seq)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [author, profile.name, profile.organisation, profile.language.rawValue,
                            stamp.hlc.millis, stamp.hlc.counter, stamp.seq])
        case .createInvite(let id, let invite, let stamp):
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO invite (id, key, role, name, org, expires, author, seq, created_ms, also, replaces)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id.hex, invite.key.bytes.blob, invite.role.rawValue, invite.name, invite.organisation,
                            invite.expires, author, stamp.seq, stamp.hlc.millis,
                            invite.also.isEmpty ? nil : invite.also.map(\.rawValue).joined(separator: ","), invite.replaces?.hex])
        case .redeemInvite(let invite, let roles, let fromSeq, let stamp):
            try redeem(invite, roles: roles, fromSeq: fromSeq, stamp: stamp, author: author)
        case .admitInvite(let invite, let feed, let stamp):
            try setRegister(invite, .admission, feed.hex, stamp)
        case .cancelInvite(let invite, let seen, let stamp):
            try db.execute(
                sql: "INSERT OR IGNORE INTO invite_cancel (invite, by_feed, by_seq, hlc_ms, seen) VALUES (?, ?, ?, ?, ?)",
                arguments: [invite.hex, author, stamp.seq, stamp.hlc.millis, FeedSeqsJSON.encode(seen)])
            try reseat(invite)
        default:
            preconditionFailure("not a membership mutation")
        }
    }

    /// Roles granted and revoked: the holder's changes are judged again where the interval moved.
    func executeRole(_ mutation: Mutation, author: Int64) throws {
        switch mutation {
        case .grantRole(let feed, let role, let fromSeq, let until, let stamp):
            let holder = try feedState(feed)
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO role_grant (feed, role, from_seq, granted_by, granted_seq, granted_ms, until_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [holder.row, role.rawValue, fromSeq, author, stamp.seq, stamp.hlc.millis, until])
            try refreshRoleIntervals(of: feed)
            // Changes of the holder already judged without this role must be judged again.
            if holder.headSeq >= fromSeq { needsRebuild = true }
        case .revokeRole(let feed, let role, let lastSeq, let stamp):
            let holder = try feedState(feed)
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO role_revocation (feed, role, last_seq, revoked_by, revoked_seq, revoked_ms)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [holder.row, role?.rawValue, lastSeq, author, stamp.seq, stamp.hlc.millis])
            try refreshRoleIntervals(of: feed)
            // The holder's changes after `lastSeq` were judged with the role: judge them again.
            if holder.headSeq > lastSeq { needsRebuild = true }
        default:
            preconditionFailure("not a role mutation")
        }
    }

    private func redeem(_ invite: EntityID, roles: [Role], fromSeq: Int64, stamp: ChangeStamp, author: Int64) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO invite_redemption (invite, feed, feed_hex, seq, stamp_ms, stamp_c)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [invite.hex, author, stamp.author.hex, stamp.seq, stamp.hlc.millis, stamp.hlc.counter])
        for role in roles {
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO role_grant (feed, role, from_seq, granted_by, granted_seq, granted_ms, via_invite)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [author, role.rawValue, fromSeq, author, stamp.seq, stamp.hlc.millis, invite.hex])
        }
        try reseat(invite)
        // A feed's second join adds a grant even when the seat stays where it was.
        try refreshRoleIntervals(of: stamp.author)
    }
}
