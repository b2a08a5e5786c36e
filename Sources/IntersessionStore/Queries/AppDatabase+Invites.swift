import Foundation
import GRDB
import IntersessionCore

/// An invite as the secretariat and the joiner see it: its signed facts from the log, and whom
/// it seats as the applier decided (`InviteSeating`).
public struct InviteStatus: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var organisation: String
    public var role: String
    /// The signed expiry (unix ms), from the `member.invite` in the log; the file's copy is a hint.
    public var expires: Int64
    /// The feed the invite seats, if any.
    public var redeemedBy: String?
    public var redeemedByName: String?
    /// A `member.uninvite` counted: no redemption it had not seen will ever seat anyone.
    public var cancelled: Bool = false
    /// Two or more feeds redeemed it and the secretariat has not admitted one yet.
    public var contested: Bool = false
    /// Every redemption that counts, by feed.
    public var redeemers: [InviteRedeemer] = []
    /// A re-admission's further roles, and the feed it replaces (hex), as signed.
    public var also: [String] = []
    public var replaces: String?

    /// Whether `join` may still redeem it at `now`: not cancelled, not expired, not seating anyone.
    public func isOpen(now: Int64) -> Bool { !cancelled && expires > now && redeemedBy == nil && !contested }
}

/// One feed that redeemed an invite, with the name and delegation it gave with its join.
public struct InviteRedeemer: Sendable, Equatable, Codable {
    public var feed: String
    public var seq: Int64
    public var name: String?
    public var organisation: String?
}

extension AppDatabase {
    public func invite(_ id: String) throws -> InviteStatus? {
        try invites(where: "i.id = ?", [id]).first
    }

    /// The signed facts of an invite by its id, for `join` to check against the log.
    public func signedInvite(_ id: EntityID) throws -> InviteStatus? {
        try invite(id.hex)
    }

    public func invites() throws -> [InviteStatus] {
        try invites(where: "1", [])
    }

    /// The re-admissions: the invites that replace a feed (what `members` tells of it).
    public func readmissions() throws -> [InviteStatus] {
        try invites(where: "i.replaces IS NOT NULL", [])
    }

    /// The invites that wait for the secretariat to admit one of their redeemers.
    public func contestedInvites() throws -> [InviteStatus] {
        try invites(where: "s.seated IS NULL AND s.redeemers > 1", [])
    }

    private func invites(where condition: String, _ arguments: StatementArguments) throws -> [InviteStatus] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.id, i.name, i.org, i.role, i.expires, f.hex, m.name, coalesce(s.cancelled, 0),
                       coalesce(s.seated IS NULL AND s.redeemers > 1, 0), i.also, i.replaces
                FROM invite i LEFT JOIN invite_seat s ON s.invite = i.id
                LEFT JOIN feed f ON f.id = s.seated
                LEFT JOIN member m ON m.feed = f.id
                WHERE \(condition) ORDER BY i.created_ms, i.id
                """, arguments: arguments).map { row in
                InviteStatus(id: row[0], name: row[1], organisation: row[2], role: row[3], expires: row[4],
                             redeemedBy: row[5], redeemedByName: row[6], cancelled: row[7], contested: row[8],
                             redeemers: try Self.redeemers(of: row[0], db),
                             also: ((row[9] as String?) ?? "").split(separator: ",").map(String.init), replaces: row[10])
            }
        }
    }

    /// The redemptions that count: inside every cancellation of the invite.
    static func redeemers(of invite: String, _ db: Database) throws -> [InviteRedeemer] {
        let cancellations = try String.fetchAll(db, sql: "SELECT seen FROM invite_cancel WHERE invite = ?", arguments: [invite])
            .map(FeedSeqsJSON.decode)
        return try Row.fetchAll(db, sql: """
            SELECT f.hex, r.seq, m.name, m.org FROM invite_redemption r JOIN feed f ON f.id = r.feed
            LEFT JOIN member m ON m.feed = r.feed WHERE r.invite = ? ORDER BY f.hex
            """, arguments: [invite]).compactMap { row in
            let feed: String = row[0], seq: Int64 = row[1]
            guard let id = FeedID(hex: feed), cancellations.allSatisfy({ seq <= ($0[id] ?? 0) }) else { return nil }
            return InviteRedeemer(feed: feed, seq: seq, name: row[2], organisation: row[3])
        }
    }
}
