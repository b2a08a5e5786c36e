import Foundation
import GRDB
import IntersessionCore

/// What kind of entry an id prefix names.
public enum EntryKind: String, Sendable {
    case topic, thread, post, member, poll, draft, amendment, invite, attachment

    var table: String {
        switch self {
        case .topic: "topic"
        case .thread: "thread"
        case .post: "post"
        case .member: "feed"
        case .poll: "poll"
        case .draft: "draft"
        case .amendment: "amendment"
        case .invite: "invite"
        case .attachment: "attachment"
        }
    }
}

/// Turns what a person typed (a unique id prefix, as git accepts, or a topic key) into an id.
extension AppDatabase {
    public func resolve(_ typed: String, as kind: EntryKind) throws -> String {
        let prefix = typed.lowercased()
        return try read { db in
            if kind == .topic,
                let id = try String.fetchOne(db, sql: "SELECT id FROM topic WHERE key = ? ORDER BY id LIMIT 1", arguments: [prefix])
            {
                return id
            }
            guard Hex.isHexPrefix(prefix) else { throw StoreError.notFound(kind: kind.rawValue, prefix: typed) }
            let column = kind == .member ? "hex" : "id"
            var sql = "SELECT \(column) FROM \(kind.table) WHERE \(column) >= ? AND \(column) < ?"
            if kind == .member { sql += " AND id IN (SELECT feed FROM member UNION SELECT feed FROM role_grant)" }
            let matches = try String.fetchAll(db, sql: sql + " LIMIT 2", arguments: [prefix, prefix + "g"])
            guard let first = matches.first else { throw StoreError.notFound(kind: kind.rawValue, prefix: typed) }
            guard matches.count == 1 else {
                let count = try Int.fetchOne(
                    db, sql: sql.replacingOccurrences(of: "SELECT \(column)", with: "SELECT count(*)"),
                    arguments: [prefix, prefix + "g"]) ?? 2
                throw StoreError.ambiguous(kind: kind.rawValue, prefix: typed, count: count)
            }
            return first
        }
    }
}
