import Foundation
import GRDB
import IntersessionCore

/// A delegation's category as the record holds it: the latest `delegation.category` naming it.
public struct DelegationCategoryEntry: Sendable, Equatable, Codable {
    /// The name as the secretariat wrote it.
    public var delegation: String
    public var category: String
    /// Who set it, and when (the change's clock, shown only).
    public var setBy: String
    public var at: Int64
}

extension AppDatabase {
    /// Every delegation the secretariat has put in a category, by name.
    public func delegationCategories() throws -> [DelegationCategoryEntry] {
        try read { db in
            try Self.latestCategories(db).values.sorted { ($0.delegation.lowercased(), $0.delegation) < ($1.delegation.lowercased(), $1.delegation) }
        }
    }

    /// The standing category of each delegation, by its matching key (`DelegationCategory.key`).
    static func latestCategories(_ db: Database) throws -> [String: DelegationCategoryEntry] {
        var latest: [String: DelegationCategoryEntry] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT key, delegation, category, author, hlc_ms FROM delegation_category
            ORDER BY key, hlc_ms DESC, hlc_c DESC, author DESC, seq DESC
            """) where latest[row[0]] == nil {
            latest[row[0]] = DelegationCategoryEntry(delegation: row[1], category: row[2], setBy: row[3], at: row[4])
        }
        return latest
    }
}
