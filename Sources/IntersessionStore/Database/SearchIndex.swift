import GRDB

/// The full-text index may fall behind the posts while a store takes its first import (a
/// fresh peer, a join): indexing each post as it lands cost that import a sixth or more, and
/// indexing them all at once at the end (FTS5's `rebuild`, from the posts as they then stand)
/// a fraction of it. While the index is behind, nothing writes to it (`ChangeApplier` skips
/// its inserts and deletes); a flag in `meta` says so, so that an import cut short leaves it
/// caught up by the next sync or search.
enum SearchIndex {
    static func isBehind(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM meta WHERE key = 'search-behind'") ?? false
    }

    /// Leaves the index behind if the store holds no post yet; says whether it did.
    static func leaveBehindIfEmpty(_ db: Database) throws -> Bool {
        guard try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM post)") ?? false) else { return false }
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('search-behind', x'01')")
        return true
    }

    static func catchUp(_ db: Database) throws {
        guard try isBehind(db) else { return }
        try db.execute(sql: "INSERT INTO post_fts (post_fts) VALUES ('rebuild')")
        try db.execute(sql: "DELETE FROM meta WHERE key = 'search-behind'")
    }
}

extension AppDatabase {
    /// Lets an import into a store without posts leave the search index behind, to index
    /// everything at once in `catchUpSearchIndex`; says whether it did.
    public func leaveSearchIndexBehindIfEmpty() throws -> Bool {
        guard try read({ try !(Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM post)") ?? false) }) else { return false }
        return try write(SearchIndex.leaveBehindIfEmpty)
    }

    /// Indexes every post if the index was left behind; does nothing otherwise.
    public func catchUpSearchIndex() throws {
        guard try read(SearchIndex.isBehind) else { return }
        try write(SearchIndex.catchUp)
    }
}
