import Foundation
import GRDB
import IntersessionCore

extension AppDatabase {
    public func groupSummary() throws -> GroupSummary {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: ListingSQL.groupSummary)
            else { throw StoreError.noGroup }
            return GroupSummary(
                id: Hex.encode(row[0] as Data), titleEnglish: row[1], titleFrench: row[2], founder: row[3],
                members: row[4], changes: row[5], pending: row[6])
        }
    }

    /// Everyone who was granted a role that counts (removed or not), every forked feed, and every redeemer of a contested
    /// invite (flagged), by delegation then name. Roles are those whose span is still open in
    /// `role_interval`, as the applier stored them: what is shown is what counts.
    public func members() throws -> [MemberSummary] {
        try read { db in
            try Array(Row.fetchCursor(db, sql: ListingSQL.members()).map(Self.memberSummary))
        }
    }

    /// One feed as `members` lists it, or nil when `members` would not list it (`whoami`).
    public func member(_ feed: FeedID) throws -> MemberSummary? {
        try read { db in
            try Row.fetchOne(db, sql: ListingSQL.members(oneFeed: true), arguments: ["feed": feed.bytes.blob]).map(Self.memberSummary)
        }
    }

    static func memberSummary(_ row: Row) -> MemberSummary {
        let roles = (row[4] as String?)?.split(separator: ",").map(String.init).sorted() ?? []
        return MemberSummary(
            feed: row[0], name: row[1], organisation: row[2], language: row[3], roles: roles,
            lastSeen: row[5], changes: row[6], frozenFrom: row[7], terms: Self.terms(row[8]), contestedInvite: row[9])
    }

    /// The roles `feed` holds for its next changes, as the applier stored them.
    public func currentRoles(of feed: FeedID) throws -> Set<Role> {
        try read { db in
            Set(try String.fetchAll(db.cachedStatement(sql: """
                SELECT i.role FROM role_interval i JOIN feed f ON f.id = i.feed WHERE f.key = ? AND i.through_seq IS NULL
                """), arguments: [feed.bytes.blob]).compactMap(Role.init(rawValue:)))
        }
    }
}

extension AppDatabase {
    /// "role:until,…" to the latest end of each role's term.
    static func terms(_ text: String?) -> [String: Int64] {
        var terms: [String: Int64] = [:]
        for entry in (text ?? "").split(separator: ",") {
            let parts = entry.split(separator: ":")
            guard parts.count == 2, let until = Int64(parts[1]) else { continue }
            terms[String(parts[0])] = max(terms[String(parts[0])] ?? .min, until)
        }
        return terms
    }

    /// The local row number of each feed (for tools that write rows directly, like the benchmark).
    public func feedRowIDs() throws -> [FeedID: Int64] {
        try read { db in
            var rows: [FeedID: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, id FROM feed") {
                if let feed = FeedID(bytes: Array(row[0] as Data)) { rows[feed] = row[1] }
            }
            return rows
        }
    }
}
