import Foundation
import GRDB
import IntersessionCore

/// The signed moments a report's period is judged by (see `ReportPeriod`), read from the record.
extension AppDatabase {
    /// Each closed poll's counting close (the least stamp): its hybrid clock, in milliseconds.
    public func pollCloseTimes() throws -> [String: Int64] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT poll, MIN(hlc_ms) FROM poll_close GROUP BY poll")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as String, $0[1] as Int64) })
        }
    }

    /// Every named version of every draft, with the hybrid clock of the change that named it.
    public func namedVersions() throws -> [(draft: String, name: String, at: Int64)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT draft, name, hlc_ms FROM draft_version ORDER BY hlc_ms, hlc_c, draft, name").map {
                (draft: $0[0], name: $0[1], at: $0[2])
            }
        }
    }

    /// The posts (not retracted) of each topic whose change's hybrid clock lies in [from, to)
    /// milliseconds, and how many feeds wrote them.
    public func postsPerTopic(fromMillis: Int64, toMillis: Int64) throws -> [String: (posts: Int, authors: Int)] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.topic, COUNT(*), COUNT(DISTINCT p.author) FROM post p JOIN thread t ON t.id = p.thread
                WHERE p.retracted = 0 AND p.created_ms >= ? AND p.created_ms < ? GROUP BY t.topic
                """, arguments: [fromMillis, toMillis])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as String, (posts: $0[1] as Int, authors: $0[2] as Int)) })
        }
    }
}
