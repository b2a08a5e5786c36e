import Foundation
import GRDB

/// Settings of this profile that live with its store (the language, remembered folders).
extension AppDatabase {
    public func setting(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM setting WHERE key = ?"), arguments: [key]) }
    }

    /// Sets `key` (removes it for nil); a value already held is not written again.
    public func setSetting(_ key: String, to value: String?) throws {
        try setSettings([key: value])
    }

    /// Sets each key (removes it for nil) in one local write, or none when every value is
    /// already held: a sync's window cursors and its time are one commit, not one each.
    public func setSettings(_ values: [String: String?]) throws {
        let changed = try values.filter { key, value in try setting(key) != value }
        guard !changed.isEmpty else { return }
        try writeLocal { db in
            for (key, value) in changed.sorted(by: { $0.key < $1.key }) {
                if let value {
                    try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
                } else {
                    try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
                }
            }
        }
    }
}
