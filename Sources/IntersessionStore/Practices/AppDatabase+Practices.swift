import Foundation
import GRDB
import IntersessionCore

/// The library as this replica holds it: practices, their versions and histories, editions.
extension AppDatabase {
    /// Every practice, by state in workflow order, then title.
    public func practices() throws -> [PracticeSummary] {
        try read { db in
            let reader = LibraryReader(db: db)
            let editions = try reader.editionTitles()
            let order = Dictionary(uniqueKeysWithValues: PracticeState.allCases.enumerated().map { ($1.rawValue, $0) })
            return try String.fetchAll(db, sql: "SELECT id FROM practice").compactMap { try reader.summary($0, editions: editions) }
                .sorted { (order[$0.state] ?? 0, $0.title.text(in: .en), $0.id) < (order[$1.state] ?? 0, $1.title.text(in: .en), $1.id) }
        }
    }

    /// The practice `id` (in full), with its versions and history.
    public func practice(_ id: String) throws -> PracticeDetail {
        try read { db in
            guard let detail = try LibraryReader(db: db).detail(id) else { throw StoreError.notFound(kind: "practice", prefix: id) }
            return detail
        }
    }

    /// What a version of a practice says (by the id of the step that made it), as signed.
    public func practiceVersion(_ id: String) throws -> PracticeContent {
        try read { db in
            guard let text = try String.fetchOne(db, sql: "SELECT content FROM practice_step WHERE id = ?", arguments: [id]),
                let content = PracticeContent(canonicalJSON: text)
            else { throw StoreError.notFound(kind: "version", prefix: id) }
            return content
        }
    }

    public func editions() throws -> [EditionSummary] {
        try read { db in try LibraryReader(db: db).editionSummaries() }
    }

    /// The edition `id` (in full) with the version of each practice it holds.
    public func edition(_ id: String) throws -> EditionDetail {
        try read { db in
            guard let detail = try LibraryReader(db: db).edition(id) else { throw StoreError.notFound(kind: "edition", prefix: id) }
            return detail
        }
    }

    /// A practice, a step of one (a version), or an edition, by a unique id prefix.
    public func resolveLibraryEntry(_ typed: String, in table: LibraryTable) throws -> String {
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

    /// An edition by a unique prefix of its id, else by its title in either language.
    public func resolveEdition(_ typed: String) throws -> String {
        if let id = try? resolveLibraryEntry(typed, in: .edition) { return id }
        let matches = try editions().filter { [$0.title.en, $0.title.fr].contains(typed) }
        guard let first = matches.first else { throw StoreError.notFound(kind: "edition", prefix: typed) }
        guard matches.count == 1 else { throw StoreError.ambiguous(kind: "edition", prefix: typed, count: matches.count) }
        return first.id
    }

    /// Full-text search over the current version of practices (titles, summaries and sections,
    /// both languages), best matches first; accents ignored, a trailing `*` matches a prefix.
    public func searchPractices(_ query: String, limit: Int = 50) throws -> [PracticeHit] {
        guard let pattern = FTS5Pattern(matchingAllPrefixesIn: query.replacingOccurrences(of: "*", with: " ")) else { return [] }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT practice, title, snippet(practice_fts, -1, '[', ']', '…', 12) FROM practice_fts
                WHERE practice_fts MATCH ? ORDER BY rank LIMIT ?
                """, arguments: [pattern, limit]).map { row in
                let titles: String = row[1]
                return PracticeHit(practice: row[0], title: titles.split(separator: "\n").first.map(String.init) ?? "", snippet: row[2])
            }
        }
    }
}

/// The library's tables whose ids a person may type.
public enum LibraryTable: String, Sendable {
    case practice, step = "practice_step", edition

    var kind: String {
        switch self {
        case .practice: "practice"
        case .step: "version"
        case .edition: "edition"
        }
    }
}
