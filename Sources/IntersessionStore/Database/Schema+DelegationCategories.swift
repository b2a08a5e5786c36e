import GRDB

/// The migration of delegation categories (v19-delegation-categories): each `delegation.category`
/// the rules let stand, keyed by the change that made it, under the delegation's matching key
/// (`DelegationCategory.key`); the latest by stamp stands when read.
extension Schema {
    static func createV19DelegationCategories(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE delegation_category (
                key TEXT NOT NULL,
                delegation TEXT NOT NULL,
                category TEXT NOT NULL,
                author TEXT NOT NULL,
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                PRIMARY KEY (key, author, seq)
            ) STRICT, WITHOUT ROWID;
            """)
    }

    /// The tables a rebuild empties before applying the log again.
    static let delegationCategoryTables = ["delegation_category"]

    /// What the state digest reads of delegation categories.
    static let delegationCategoryDigestQueries = [
        "SELECT key, delegation, category, author, seq, hlc_ms, hlc_c FROM delegation_category ORDER BY 1, 4, 5",
    ]
}
