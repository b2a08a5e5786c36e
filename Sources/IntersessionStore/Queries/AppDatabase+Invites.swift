import Foundation
import GRDB
import IntersessionCore

/// An invite as the secretariat and the joiner see it.
public struct InviteStatus: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var organisation: String
    public var role: String
    public var expires: Int64
    /// The feed whose redemption counts, if any.
    public var redeemedBy: String?
    public var redeemedByName: String?
}

extension AppDatabase {
    public func invite(_ id: String) throws -> InviteStatus? {
        try invites(where: "i.id = ?", [id]).first
    }

    public func invites() throws -> [InviteStatus] {
        try invites(where: "1", [])
    }

    private func invites(where condition: String, _ arguments: StatementArguments) throws -> [InviteStatus] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.id, i.name, i.org, i.role, i.expires, f.hex, m.name
                FROM invite i
                LEFT JOIN feed f ON f.hex = (SELECT r.feed_hex FROM invite_redemption r WHERE r.invite = i.id
                                             ORDER BY r.stamp_ms, r.stamp_c, r.feed_hex, r.seq LIMIT 1)
                LEFT JOIN member m ON m.feed = f.id
                WHERE \(condition) ORDER BY i.created_ms
                """, arguments: arguments).map { row in
                InviteStatus(id: row[0], name: row[1], organisation: row[2], role: row[3], expires: row[4],
                             redeemedBy: row[5], redeemedByName: row[6])
            }
        }
    }
}
