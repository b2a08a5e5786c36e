import Foundation
import GRDB
import IntersessionCore

/// The store's own facts, in the `meta` table.
enum Meta {
    static func groupID(_ db: Database) throws -> GroupID? {
        try Data.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = 'group'")).flatMap { GroupID(bytes: Array($0)) }
    }

    static func setGroupID(_ id: GroupID, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('group', ?)", arguments: [id.bytes.blob])
    }

    /// The highest clock of any change seen: a new change is stamped after it.
    static func latestHLC(_ db: Database) throws -> HLC {
        guard let text = try String.fetchOne(db, sql: "SELECT CAST(value AS TEXT) FROM meta WHERE key = 'hlc'") else {
            return .zero
        }
        let parts = text.split(separator: ".").compactMap { Int64($0) }
        return parts.count == 2 ? HLC(millis: parts[0], counter: parts[1]) : .zero
    }

    static func setLatestHLC(_ hlc: HLC, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('hlc', ?)", arguments: [Data(hlc.description.utf8)])
    }
}
