import Foundation
import GRDB
import IntersessionCore

extension AppDatabase {
    /// Full-text search over the current text of posts, best matches first. Words are matched as
    /// typed, accents ignored; a trailing `*` matches a prefix.
    public func search(_ query: String, limit: Int = 50) throws -> [SearchHit] {
        guard let pattern = FTS5Pattern(matchingAllPrefixesIn: query.replacingOccurrences(of: "*", with: " ")) else {
            return []
        }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id, p.thread, h.title, f.hex, m.name,
                       snippet(post_fts, 0, '[', ']', '…', 12)
                FROM post_fts JOIN post p ON p.rowid = post_fts.rowid
                JOIN thread h ON h.id = p.thread JOIN feed f ON f.id = p.author
                LEFT JOIN member m ON m.feed = p.author
                WHERE post_fts MATCH ? AND p.retracted = 0 AND p.hidden_reason IS NULL
                ORDER BY rank LIMIT ?
                """, arguments: [pattern, limit]).map { row in
                SearchHit(post: row[0], thread: row[1], threadTitle: row[2], author: row[3], authorName: row[4],
                          snippet: row[5])
            }
        }
    }
}
