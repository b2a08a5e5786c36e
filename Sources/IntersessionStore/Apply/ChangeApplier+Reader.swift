import Foundation
import GRDB
import IntersessionCore

/// The rules read the state through the applier, inside its transaction.
extension ChangeApplier: StateReader {
    func roles(of feed: FeedID, atSeq seq: Int64) throws -> Set<Role> {
        let grants: [(role: Role, from: Int64)]
        if let cached = roleCache[feed] {
            grants = cached
        } else {
            let row = try feedState(feed).row
            grants = try Row.fetchAll(
                db, sql: "SELECT role, from_seq FROM role_grant g WHERE feed = ? AND \(Self.grantCounts)", arguments: [row]
            ).compactMap { row in Role(rawValue: row[0]).map { ($0, row[1]) } }
            roleCache[feed] = grants
        }
        let all = grants + (knownGrants[feed] ?? [])
        return Set(all.filter { $0.from <= seq }.map(\.role))
    }

    /// A grant counts unless it came through an invite that someone else redeemed first (by stamp).
    static let grantCounts = """
        (g.via_invite IS NULL OR g.feed = (SELECT r.feed FROM invite_redemption r WHERE r.invite = g.via_invite
                                           ORDER BY r.stamp_ms, r.stamp_c, r.feed_hex, r.seq LIMIT 1))
        """

    func invite(_ id: EntityID) throws -> InviteFacts? {
        guard let row = try Row.fetchOne(db, sql: "SELECT key, role FROM invite WHERE id = ?", arguments: [id.hex]),
            let key = FeedID(bytes: Array(row[0] as Data)), let role = Role(rawValue: row[1])
        else { return nil }
        return InviteFacts(key: key, role: role)
    }

    func topicExists(_ id: EntityID) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM topic WHERE id = ?", arguments: [id.hex]) ?? false
    }

    func post(_ id: EntityID) throws -> PostFacts? {
        if let facts = postCache[id] { return facts }
        guard let facts = try fetchPost(id) else { return nil }
        remember(facts, for: id)
        return facts
    }

    func remember(_ facts: PostFacts, for id: EntityID) {
        if postCache.count >= 100_000 { postCache.removeAll(keepingCapacity: true) }
        postCache[id] = facts
    }

    private func fetchPost(_ id: EntityID) throws -> PostFacts? {
        let statement = try db.cachedStatement(sql: """
            SELECT p.thread, f.key, p.body_ms, p.body_c, p.body_seq, p.retracted FROM post p JOIN feed f ON f.id = p.author
            WHERE p.id = ?
            """)
        guard let row = try Row.fetchOne(statement, arguments: [id.hex]) else { return nil }
        let key: Data = row[1]
        guard let thread = EntityID(hex: row[0]), let author = FeedID(bytes: Array(key)) else { return nil }
        let stamp = ChangeStamp(hlc: HLC(millis: row[2], counter: row[3]), author: author, seq: row[4])
        return PostFacts(thread: thread, author: author, bodyStamp: stamp, retracted: row[5])
    }

    func profileStamp(of feed: FeedID) throws -> ChangeStamp? {
        let row = try feedState(feed).row
        guard let stamp = try Row.fetchOne(
            db, sql: "SELECT stamp_ms, stamp_c, stamp_seq FROM member WHERE feed = ?", arguments: [row])
        else { return nil }
        return ChangeStamp(hlc: HLC(millis: stamp[0], counter: stamp[1]), author: feed, seq: stamp[2])
    }
}
