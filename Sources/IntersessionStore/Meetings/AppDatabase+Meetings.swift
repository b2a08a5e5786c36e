import Foundation
import GRDB
import IntersessionCore

/// Meetings as this replica holds them. Which statement stands, which outcome stands and which
/// entries are late are decided here, at reading, by the core's rules: the rows are the same on
/// every replica that has the same changes, so the answers are too.
extension AppDatabase {
    public func meetings() throws -> [MeetingSummary] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM meeting").compactMap { try MeetingReader(db: db).summary($0) }
                .sorted { ($0.starts, $0.number, $0.id) > ($1.starts, $1.number, $1.id) }
        }
    }

    /// The meeting `id` (an id in full), with its phases, participants and agenda.
    public func meeting(_ id: String) throws -> MeetingDetail {
        try read { db in
            guard let detail = try MeetingReader(db: db).detail(id) else { throw StoreError.notFound(kind: "meeting", prefix: id) }
            return detail
        }
    }

    /// The meeting an agenda item belongs to, and the item with its record.
    public func agendaItem(_ id: String) throws -> (meeting: MeetingDetail, item: AgendaItemView) {
        try read { db in
            let reader = MeetingReader(db: db)
            guard let meeting = try String.fetchOne(db, sql: "SELECT meeting FROM meeting_item WHERE id = ?", arguments: [id]),
                let detail = try reader.detail(meeting), let item = detail.agenda.first(where: { $0.id == id })
            else { throw StoreError.notFound(kind: "item", prefix: id) }
            return (detail, item)
        }
    }

    /// A meeting, an agenda item or a concern, by a unique id prefix (as git accepts).
    public func resolveMeetingEntry(_ typed: String, in table: MeetingTable) throws -> String {
        let prefix = typed.lowercased()
        return try read { db in
            guard Hex.isHexPrefix(prefix) else { throw StoreError.notFound(kind: table.kind, prefix: typed) }
            let matches = try String.fetchAll(db, sql: "SELECT id FROM \(table.rawValue) WHERE id >= ? AND id < ? LIMIT 2",
                                              arguments: [prefix, prefix + "g"])
            guard let first = matches.first else { throw StoreError.notFound(kind: table.kind, prefix: typed) }
            guard matches.count == 1 else { throw StoreError.ambiguous(kind: table.kind, prefix: typed, count: 2) }
            return first
        }
    }
}

/// The tables whose ids a person may type.
public enum MeetingTable: String, Sendable {
    case meeting, item = "meeting_item", concern = "meeting_concern", outcome = "meeting_outcome"

    var kind: String {
        switch self {
        case .meeting: "meeting"
        case .item: "item"
        case .concern: "concern"
        case .outcome: "outcome"
        }
    }
}

extension AppDatabase {
    /// The agenda item a concern was raised on.
    public func concernItem(_ concern: String) throws -> String {
        try read { db in
            guard let item = try String.fetchOne(db, sql: "SELECT item FROM meeting_concern WHERE id = ?", arguments: [concern]) else {
                throw StoreError.notFound(kind: "concern", prefix: concern)
            }
            return item
        }
    }
}
