import GRDB

/// What an export remembers of each feed it found whole in a folder (`folder_export`).
extension AppDatabase {
    /// Each feed's head (by feed hex) that `folder` held every change up to at the last export.
    public func exportedHeads(_ folder: String) throws -> [String: Int64] {
        try read { db in
            var heads: [String: Int64] = [:]
            try db.eachRawRow("SELECT feed, head FROM folder_export WHERE folder = ?", text: folder) { row in
                heads[row.text(0)] = row.int64(1)
            }
            return heads
        }
    }

    /// Remembers that `folder` holds every change of each feed up to the head given.
    public func rememberExportedHeads(_ folder: String, _ heads: [String: Int64]) throws {
        guard !heads.isEmpty else { return }
        try writeLocal { db in
            let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO folder_export (folder, feed, head) VALUES (?, ?, ?)")
            for (feed, head) in heads { try insert.execute(arguments: [folder, feed, head]) }
        }
    }
}
