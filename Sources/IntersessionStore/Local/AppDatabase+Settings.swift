import Foundation
import GRDB

/// Settings of this profile that live with its store (the language, remembered folders).
extension AppDatabase {
    public func setting(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    /// Sets `key` (removes it for nil); a value already held is not written again.
    public func setSetting(_ key: String, to value: String?) throws {
        guard try setting(key) != value else { return }
        try writeLocal { db in
            if let value {
                try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
            }
        }
    }
}
