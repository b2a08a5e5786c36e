import Foundation
import GRDB
import IntersessionCore

/// Roles as the applier keeps them: the grants and revocations that came in, turned into a
/// `RoleHistory` by the core, and its spans written to `role_interval` whenever they change.
extension ChangeApplier {
    /// A grant counts unless it came through an invite that does not seat its holder.
    static let grantCounts = """
        (g.via_invite IS NULL OR g.feed = (SELECT s.seated FROM invite_seat s WHERE s.invite = g.via_invite))
        """

    func roleHistory(of feed: FeedID) throws -> RoleHistory {
        if let cached = roleCache[feed] { return cached }
        let row = try feedState(feed).row
        var history = RoleHistory()
        for grant in try Row.fetchAll(
            db, sql: "SELECT role, from_seq, until_ms FROM role_grant g WHERE feed = ? AND \(Self.grantCounts)", arguments: [row])
        {
            if let role = Role(rawValue: grant[0]) { history.grant(role, from: grant[1], until: grant[2]) }
        }
        for revocation in try Row.fetchAll(db, sql: "SELECT role, last_seq FROM role_revocation WHERE feed = ?", arguments: [row]) {
            let role = (revocation[0] as String?).flatMap(Role.init(rawValue:))
            if revocation[0] as String? != nil, role == nil { continue }
            history.revoke(role, after: revocation[1])
        }
        roleCache[feed] = history
        return history
    }

    /// Writes `feed`'s role spans as its history now gives them.
    func refreshRoleIntervals(of feed: FeedID) throws {
        roleCache[feed] = nil
        let row = try feedState(feed).row
        try db.execute(sql: "DELETE FROM role_interval WHERE feed = ?", arguments: [row])
        for interval in try roleHistory(of: feed).intervals {
            try db.execute(
                sql: "INSERT INTO role_interval (feed, role, from_seq, through_seq, until_ms) VALUES (?, ?, ?, ?, ?)",
                arguments: [row, interval.role.rawValue, interval.span.from, interval.span.through, interval.until])
        }
    }

    /// Decides again whom an invite seats; a seat that moves re-judges its holders' changes.
    func reseat(_ invite: EntityID) throws {
        let redemptions = try Row.fetchAll(db, sql: """
            SELECT f.key, r.seq FROM invite_redemption r JOIN feed f ON f.id = r.feed WHERE r.invite = ?
            """, arguments: [invite.hex]).compactMap { row in
            FeedID(bytes: Array(row[0] as Data)).map { InviteSeating.Redemption(feed: $0, seq: row[1]) }
        }
        let cancellations = try String.fetchAll(db, sql: "SELECT seen FROM invite_cancel WHERE invite = ?", arguments: [invite.hex])
            .map(FeedSeqsJSON.decode)
        let admitted = try String.fetchOne(db, sql: "SELECT value FROM register WHERE entity = ? AND name = ?",
                                           arguments: [invite.hex, Register.admission.rawValue]).flatMap(FeedID.init(hex:))
        let seating = InviteSeating.decide(redemptions: redemptions, cancellations: cancellations, admitted: admitted)
        let previous = try Data.fetchOne(db, sql: """
            SELECT f.key FROM invite_seat s JOIN feed f ON f.id = s.seated WHERE s.invite = ?
            """, arguments: [invite.hex]).flatMap { FeedID(bytes: Array($0)) }
        try db.execute(
            sql: "INSERT OR REPLACE INTO invite_seat (invite, seated, redeemers, cancelled) VALUES (?, ?, ?, ?)",
            arguments: [invite.hex, try seating.seated.map { try feedState($0).row }, seating.redeemers.count, seating.cancelled])
        guard previous != seating.seated else { return }
        for feed in [previous, seating.seated].compactMap({ $0 }) {
            try refreshRoleIntervals(of: feed)
            let joined = redemptions.filter { $0.feed == feed }.map(\.seq).min() ?? 0
            // Changes after the join were judged with the seat, or without it: judge them again.
            if try feedState(feed).headSeq > joined { needsRebuild = true }
        }
    }

    /// Keeps a removed member's later change out of the pending queue, as evidence.
    func setAside(_ change: SignedChange, removedAfter last: Int64) throws {
        try setAside(feed: change.author, seq: change.seq, removedAfter: last)
    }

    private func setAside(feed: FeedID, seq: Int64, removedAfter last: Int64) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO set_aside_change (feed, seq, reason) VALUES (?, ?, ?)",
            arguments: [try feedState(feed).row, seq, "removed: only changes up to seq \(last) count"])
    }

    /// Sets aside the waiting changes of feeds removed before them.
    func setAsideWaitingOfRemoved() throws {
        for (feed, bySeq) in waiting {
            for (seq, changes) in bySeq {
                var kept: [PendingChange] = []
                for change in changes {
                    if let removed = try removedAfter(change.author), change.seq > removed {
                        try setAside(feed: change.author, seq: change.seq, removedAfter: removed)
                        if change.held != nil { heldWaiting -= 1 }
                    } else {
                        kept.append(change)
                    }
                }
                waiting[feed]?[seq] = kept.isEmpty ? nil : kept
            }
            if waiting[feed]?.isEmpty == true { waiting[feed] = nil }
        }
    }
}
