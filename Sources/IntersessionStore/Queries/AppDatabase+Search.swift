import Foundation
import GRDB
import IntersessionCore

extension AppDatabase {
    /// Full-text search over the current text of posts, best matches first. Words are matched as
    /// typed, accents ignored; a trailing `*` matches a prefix. Each hit carries a snippet and
    /// the post's whole text with where its matches are.
    public func search(_ query: String, limit: Int = 50) throws -> [SearchHit] {
        guard let pattern = FTS5Pattern(matchingAllPrefixesIn: query.replacingOccurrences(of: "*", with: " ")) else {
            return []
        }
        try catchUpSearchIndex()
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id, p.thread, h.title, f.hex, m.name,
                       snippet(post_fts, 0, '[', ']', '…', 12),
                       highlight(post_fts, 0, ?, ?)
                FROM post_fts JOIN post p ON p.rowid = post_fts.rowid
                JOIN thread h ON h.id = p.thread JOIN feed f ON f.id = p.author
                LEFT JOIN member m ON m.feed = p.author
                WHERE post_fts MATCH ? AND p.retracted = 0 AND p.hidden_reason IS NULL
                ORDER BY rank LIMIT ?
                """, arguments: [MarkedMatches.start, MarkedMatches.end, pattern, limit]).map { row in
                let marked = MarkedMatches(row[6] as String? ?? "")
                return SearchHit(post: row[0], thread: row[1], threadTitle: row[2], author: row[3], authorName: row[4],
                                 snippet: row[5], text: marked.text, matches: marked.matches)
            }
        }
    }
}

/// A text as FTS5's `highlight` returns it, split into the text and its matches' ranges.
struct MarkedMatches {
    /// What `highlight` puts around each match: private-use characters, taken out again here.
    /// One already in a post is taken out too; only the highlight can be wrong, never the text
    /// a front end is given to draw (it still escapes it).
    static let start = "\u{F8F0}"
    static let end = "\u{F8F1}"

    var text = ""
    var matches: [Range<Int>] = []

    init(_ marked: String) {
        var count = 0
        var opened: Int?
        for character in marked {
            if String(character) == Self.start {
                opened = count
            } else if String(character) == Self.end, let from = opened {
                if count > from { matches.append(from..<count) }
                opened = nil
            } else {
                text.append(character)
                count += 1
            }
        }
    }
}
