import Foundation
import GRDB
import IntersessionCore

/// Reads the library inside one transaction. What stands was decided by ``PracticeHistory``
/// when the steps were applied; which versions an edition holds is decided here, at reading,
/// by ``EditionContents``, from rows every replica with the same changes holds alike.
struct LibraryReader {
    let db: Database

    func person(_ feed: String) throws -> PracticePerson {
        let row = try Row.fetchOne(db, sql: "SELECT m.name, m.org FROM member m JOIN feed f ON f.id = m.feed WHERE f.hex = ?",
                                   arguments: [feed])
        return PracticePerson(feed: feed, name: row?[0] ?? String(feed.prefix(8)), delegation: row?[1] ?? "")
    }

    func topicKeys(_ ids: [EntityID]) throws -> [String] {
        try ids.map { try String.fetchOne(db, sql: "SELECT key FROM topic WHERE id = ?", arguments: [$0.hex]) ?? $0.short }
    }

    /// The titles of the editions each practice is in.
    func editionTitles() throws -> [String: [String]] {
        let histories = try histories()
        var titles: [String: [String]] = [:]
        for edition in try editionSummaries() {
            for entry in try entries(of: edition.id, histories: histories) {
                titles[entry.practice.hex, default: []].append(edition.title.text(in: .en))
            }
        }
        return titles
    }

    func summary(_ id: String, editions: [String: [String]]? = nil) throws -> PracticeSummary? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT p.author, p.state, p.version_number, p.submitted_ms, p.updated_ms, p.newer, s.content, p.latest
            FROM practice p JOIN practice_step s ON s.id = p.version WHERE p.id = ?
            """, arguments: [id]), let content = PracticeContent(canonicalJSON: row[6])
        else { return nil }
        let editions = try (editions ?? editionTitles())[id] ?? []
        return PracticeSummary(
            id: id, title: BilingualText(content.title), original: content.original.rawValue, state: row[1], latest: row[7],
            submitter: try person(row[0]), business: content.business, topics: try topicKeys(content.topics), version: row[2],
            submitted: row[3], updated: row[4], editions: editions, supersededBy: row[5])
    }

    func version(id: String, number: Int, at: Int64, content: PracticeContent) throws -> PracticeVersionView {
        PracticeVersionView(
            id: id, number: number, at: at, title: BilingualText(content.title), summary: BilingualText(content.summary),
            original: content.original.rawValue, topics: try topicKeys(content.topics), business: content.business,
            sections: PracticeSection.allCases.compactMap { section in
                content.sections[section].map { PracticeSectionView(section: section.rawValue, text: BilingualText($0)) }
            })
    }

    func detail(_ id: String) throws -> PracticeDetail? {
        guard let summary = try summary(id) else { return nil }
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, kind, state, author, hlc_ms, after, on_path, version_number, edition, poll, newer, note, content
            FROM practice_step WHERE practice = ? ORDER BY hlc_ms, hlc_c, author, seq
            """, arguments: [id])
        var versions: [PracticeVersionView] = []
        var history: [PracticeStepView] = []
        for row in rows {
            let stands = (row[6] as Int64) == 1
            let number: Int? = row[7]
            if stands, let number, PracticeStepKind(rawValue: row[1])?.carriesText == true, let content = PracticeContent(canonicalJSON: row[12] as String? ?? "") {
                versions.append(try version(id: row[0], number: number, at: row[4], content: content))
            }
            history.append(PracticeStepView(
                id: row[0], kind: row[1], state: row[2], by: try person(row[3]), at: row[4], after: row[5], stands: stands,
                version: number, edition: row[8], poll: row[9], newer: row[10], note: row[11]))
        }
        return PracticeDetail(summary: summary, thread: id, versions: versions.sorted { $0.number < $1.number }, history: history)
    }

    /// The histories of every practice, as the applier decided them.
    func histories() throws -> [EntityID: PracticeHistory] {
        var steps: [EntityID: [PracticeHistory.Step]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT practice, id, after, kind, state, edition FROM practice_step") {
            guard let practice = EntityID(hex: row[0]), let id = EntityID(hex: row[1]), let kind = PracticeStepKind(rawValue: row[3]),
                let state = PracticeState(rawValue: row[4])
            else { continue }
            steps[practice, default: []].append(PracticeHistory.Step(
                id: id, after: (row[2] as String?).flatMap(EntityID.init(hex:)), kind: kind, state: state,
                edition: (row[5] as String?).flatMap(EntityID.init(hex:))))
        }
        return Dictionary(uniqueKeysWithValues: steps.map { ($0.key, PracticeHistory(root: $0.key, steps: $0.value)) })
    }

    func entries(of edition: String, histories: [EntityID: PracticeHistory]) throws -> [EditionContents.Entry] {
        guard let editionID = EntityID(hex: edition) else { return [] }
        let added = try Row.fetchAll(db, sql: "SELECT practice, version FROM edition_addition WHERE edition = ?", arguments: [edition])
            .compactMap { row -> (practice: EntityID, version: EntityID)? in
                guard let practice = EntityID(hex: row[0]), let version = EntityID(hex: row[1]) else { return nil }
                return (practice, version)
            }
        return EditionContents.entries(of: editionID, added: added, histories: histories)
    }

    func editionSummaries() throws -> [EditionSummary] {
        let histories = try histories()
        return try Row.fetchAll(db, sql: "SELECT id, title_en, title_fr FROM edition ORDER BY hlc_ms, hlc_c, author, seq").map { row in
            EditionSummary(id: row[0], title: BilingualText(LocalizedText(english: row[1], french: row[2])),
                           practices: try entries(of: row[0], histories: histories).count)
        }
    }

    func edition(_ id: String) throws -> EditionDetail? {
        guard let summary = try editionSummaries().first(where: { $0.id == id }) else { return nil }
        let entries = try entries(of: id, histories: try histories()).map { entry -> EditionDetail.Entry in
            let row = try Row.fetchOne(db, sql: """
                SELECT s.hlc_ms, s.content, p.author, p.state FROM practice_step s JOIN practice p ON p.id = s.practice WHERE s.id = ?
                """, arguments: [entry.version.hex])
            guard let row, let content = PracticeContent(canonicalJSON: row[1]) else {
                throw StoreError.notFound(kind: "version", prefix: entry.version.short)
            }
            return EditionDetail.Entry(practice: entry.practice.hex, submitter: try person(row[2]), state: row[3],
                                       version: try version(id: entry.version.hex, number: entry.number, at: row[0], content: content))
        }
        return EditionDetail(summary: summary, entries: entries)
    }
}
