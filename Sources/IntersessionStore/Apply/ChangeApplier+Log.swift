import Foundation
import GRDB
import IntersessionCore

/// Reading changes back from the log: the pending ones at the start of a batch, and all of them
/// for a rebuild.
extension ChangeApplier {
    /// Puts the logged changes that still wait for a dependency back in line.
    func resumePending() throws {
        for change in try loggedPending() { try drain(change) }
    }

    /// The logged changes above their feed's head, except a frozen feed's and those set aside.
    func loggedPending() throws -> [PendingChange] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.id, c.hash, c.body, c.sig FROM feed f JOIN change c ON c.feed = f.id AND c.seq > f.head_seq
            WHERE (f.frozen_from IS NULL OR c.seq < f.frozen_from)
              AND NOT EXISTS (SELECT 1 FROM set_aside_change s WHERE s.feed = c.feed AND s.seq = c.seq)
            ORDER BY c.hlc_ms, c.hlc_c
            """)
        var pending: [PendingChange] = []
        while let row = try rows.next() { pending.append(PendingChange(logRow: row[0], held: try Self.loggedChange(row, offset: 1))) }
        return pending
    }

    /// Recomputes the whole state from the log, in clock order (near causal order, so that little
    /// waits); what waits is applied when its dependencies come, as on import.
    ///
    /// A role counts over an interval of its holder's feed whether or not the grant was in the
    /// holder's past, so a pass may meet a grant after the changes it authorises. Each pass then
    /// starts knowing the grants of the one before, until a pass meets no new late grant.
    func rebuild() throws {
        known = nil
        rebuilding = true
        defer { rebuilding = false; known = nil }
        needsRebuild = false
        try replayLog()
        // The first pass judged each change by what it had met so far; if nothing arrived too
        // late for that, it is the state. Otherwise each pass judges by the previous pass's
        // findings until two passes agree.
        guard needsRebuild else { return }
        for _ in 0..<8 {
            let found = try authority()
            if found == known { break }
            known = found
            try replayLog()
        }
        needsRebuild = false
    }

    private func replayLog() throws {
        try flushPostCounts()
        for table in Schema.materialisedTables { try db.execute(sql: "DELETE FROM \(table)") }
        draftTexts = [:]
        editedDrafts = [:]
        draftBlames = [:]
        try db.execute(sql: "INSERT INTO post_fts (post_fts) VALUES ('delete-all')")
        try db.execute(sql: "UPDATE feed SET head_seq = 0, head_hash = NULL")
        feeds = [:]
        waiting = [:]
        heldWaiting = 0
        roleCache = [:]
        penCache = [:]
        postCache = [:]
        lockFrontiers = [:]
        // Stamp order (clock, author key, seq): the same on every replica.
        let ids = try Int64.fetchAll(db, sql: """
            SELECT c.id FROM change c JOIN feed f ON f.id = c.feed
            WHERE f.frozen_from IS NULL OR c.seq < f.frozen_from
            ORDER BY c.hlc_ms, c.hlc_c, f.key, c.seq
            """)
        let fetch = try db.cachedStatement(sql: "SELECT hash, body, sig FROM change WHERE id = ?")
        for id in ids {
            guard let row = try Row.fetchOne(fetch, arguments: [id]) else { continue }
            try drain(PendingChange(logRow: id, held: try Self.loggedChange(row, offset: 0)))
        }
        try flush()
    }

    /// Every feed's roles, every draft's penholders and every thread's lock, as the tables hold them now.
    private func authority() throws -> Authority {
        var found = Authority()
        roleCache = [:]
        for row in try Row.fetchAll(db, sql: "SELECT DISTINCT f.key FROM feed f") {
            guard let feed = FeedID(bytes: Array(row[0] as Data)) else { continue }
            let history = try roleHistory(of: feed)
            if !history.isEmpty { found.roles[feed] = history }
        }
        roleCache = [:]
        penCache = [:]
        for draft in try String.fetchAll(db, sql: "SELECT DISTINCT draft FROM penholder_grant UNION SELECT draft FROM penholder_end") {
            guard let id = EntityID(hex: draft) else { continue }
            found.pens[id] = try penholderTenures(of: id)
        }
        penCache = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, lock_frontier FROM thread WHERE lock_frontier IS NOT NULL") {
            if let thread = EntityID(hex: row[0]) { found.locks[thread] = row[1] }
        }
        return found
    }

    static func loggedChange(_ row: Row, offset: Int) throws -> SignedChange {
        let hash: Data = row[offset]
        let body: Data = row[offset + 1]
        let signature: Data = row[offset + 2]
        guard let changeHash = ChangeHash(bytes: Array(hash)) else {
            throw StoreError.malformedLog
        }
        return try SignedChange(trustedBytes: Array(body), hash: changeHash, signature: Array(signature))
    }
}
