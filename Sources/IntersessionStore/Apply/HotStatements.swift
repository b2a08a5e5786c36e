import GRDB

/// The statements run for every change and every post an import applies, prepared once per
/// transaction. GRDB's statement cache finds a statement by hashing its SQL text, which for
/// these costs about as much as the insert itself.
final class HotStatements {
    enum Kind: Int, CaseIterable {
        case logChange, insertPost, indexPost, touchThread, lockFrontier, postFacts

        /// Run with values bound by hand (`RawBindings`), never with `execute(arguments:)`.
        var isBoundByHand: Bool {
            switch self {
            case .logChange, .insertPost, .indexPost, .touchThread: true
            case .lockFrontier, .postFacts: false
            }
        }

        var sql: String {
            switch self {
            case .logChange:
                "INSERT OR IGNORE INTO change (feed, seq, hash, hlc_ms, hlc_c, body, sig) VALUES (?, ?, ?, ?, ?, ?, ?)"
            case .insertPost:
                """
                INSERT OR IGNORE INTO post (id, thread, parent, author, seq, op_index, created_ms, created_c, lang, quote,
                                            body, body_ms, body_c, body_seq)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?7, ?8, ?5)
                """
            case .indexPost:
                "INSERT INTO post_fts (rowid, body) VALUES (?, ?)"
            case .touchThread:
                """
                UPDATE thread SET post_count = post_count + ?1,
                    last_ms = iif((last_ms, last_c) < (?2, ?3), ?2, last_ms),
                    last_c = iif((last_ms, last_c) < (?2, ?3), ?3, last_c)
                WHERE id = ?4
                """
            case .lockFrontier:
                "SELECT lock_frontier FROM thread WHERE id = ?"
            case .postFacts:
                """
                SELECT p.thread, f.key, p.body_ms, p.body_c, p.body_seq, p.retracted FROM post p JOIN feed f ON f.id = p.author
                WHERE p.id = ?
                """
            }
        }
    }

    private let db: Database
    private var prepared: [Statement?] = Array(repeating: nil, count: Kind.allCases.count)

    init(db: Database) { self.db = db }

    /// The statement of `kind`; one bound by hand comes reset, ready for its values.
    func callAsFunction(_ kind: Kind) throws -> Statement {
        if let statement = prepared[kind.rawValue] {
            if kind.isBoundByHand { statement.resetForBinding() }
            return statement
        }
        let statement = try db.makeStatement(sql: kind.sql)
        if kind.isBoundByHand { try statement.markBoundByHand() }
        prepared[kind.rawValue] = statement
        return statement
    }
}
