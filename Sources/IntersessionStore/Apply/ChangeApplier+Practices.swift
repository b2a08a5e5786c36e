import Foundation
import GRDB
import IntersessionCore

/// Carries out the mutations of the library, and answers the rules' questions about it. After
/// each step the practice's history is decided again from all its steps (``PracticeHistory``)
/// and written to its row, its steps and the search index: the same steps give the same rows,
/// whatever the order they came in.
extension ChangeApplier {
    func executePractice(_ mutation: PracticeMutation) throws {
        switch mutation {
        case .create(let id, let create, let state, let stamp):
            try insertStep(id: id, practice: id, after: nil, kind: .create, state: state, content: create.content, stamp: stamp)
            try db.execute(sql: """
                INSERT OR IGNORE INTO practice (id, author, seq, hlc_ms, hlc_c, state, latest, version, version_number, updated_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                """, arguments: [id.hex] + Self.practiceKey(stamp) + [state.rawValue, id.hex, id.hex, stamp.hlc.millis])
            try decideHistory(of: id)
        case .step(let id, let step, let state, let stamp):
            try insertStep(id: id, practice: step.practice, after: step.after, kind: step.kind, state: state, content: step.content,
                           stamp: stamp, extra: [step.edition?.hex, step.poll?.hex, step.newer?.hex, step.note])
            try decideHistory(of: step.practice)
        case .createEdition(let id, let edition, let stamp):
            try db.execute(sql: """
                INSERT OR IGNORE INTO edition (id, title_en, title_fr, author, seq, hlc_ms, hlc_c) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id.hex, edition.title.english, edition.title.french] + Self.practiceKey(stamp))
        case .addToEdition(let id, let addition, let stamp):
            try db.execute(sql: """
                INSERT OR IGNORE INTO edition_addition (id, edition, practice, version, author, seq) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id.hex, addition.edition.hex, addition.practice.hex, addition.version.hex, stamp.author.hex, stamp.seq])
        }
    }

    private static func practiceKey(_ stamp: ChangeStamp) -> StatementArguments {
        [stamp.author.hex, stamp.seq, stamp.hlc.millis, stamp.hlc.counter]
    }

    private func insertStep(id: EntityID, practice: EntityID, after: EntityID?, kind: PracticeStepKind, state: PracticeState,
                            content: PracticeContent?, stamp: ChangeStamp, extra: [String?] = [nil, nil, nil, nil]) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO practice_step (id, practice, after, kind, state, author, seq, hlc_ms, hlc_c, content,
                                                 edition, poll, newer, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id.hex, practice.hex, after?.hex, kind.rawValue, state.rawValue] + Self.practiceKey(stamp)
                + [content?.canonicalJSON] + StatementArguments(extra))
    }

    /// Writes what the practice's steps decide: its state, latest step and current version, each
    /// step's place on the path, and the search index of its current version.
    func decideHistory(of practice: EntityID) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, after, kind, state, edition, hlc_ms, content FROM practice_step WHERE practice = ?
            """, arguments: [practice.hex])
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM practice WHERE id = ?", arguments: [practice.hex]) == true else { return }
        var stamps: [EntityID: Int64] = [:]
        var contents: [EntityID: String] = [:]
        let steps = rows.compactMap { row -> PracticeHistory.Step? in
            guard let id = EntityID(hex: row[0]), let kind = PracticeStepKind(rawValue: row[2]), let state = PracticeState(rawValue: row[3])
            else { return nil }
            stamps[id] = row[5]
            contents[id] = row[6]
            return PracticeHistory.Step(id: id, after: (row[1] as String?).flatMap(EntityID.init(hex:)), kind: kind, state: state,
                                        edition: (row[4] as String?).flatMap(EntityID.init(hex:)))
        }
        let history = PracticeHistory(root: practice, steps: steps)
        guard let state = history.state, let latest = history.latest, let version = history.currentVersion else { return }
        try db.execute(sql: "UPDATE practice_step SET on_path = 0, version_number = NULL WHERE practice = ?", arguments: [practice.hex])
        var number = 0
        for step in history.path {
            if step.kind.carriesText { number += 1 }
            try db.execute(sql: "UPDATE practice_step SET on_path = 1, version_number = ? WHERE id = ?", arguments: [number, step.id.hex])
        }
        let submitted = history.path.first { $0.state == .submitted }.flatMap { stamps[$0.id] }
        let newer = try String.fetchOne(db, sql: "SELECT newer FROM practice_step WHERE id = ?", arguments: [latest.hex])
        try db.execute(sql: """
            UPDATE practice SET state = ?, latest = ?, version = ?, version_number = ?, submitted_ms = ?, updated_ms = ?, newer = ?
            WHERE id = ?
            """, arguments: [state.rawValue, latest.hex, version.hex, history.versions.count, submitted, stamps[version] ?? 0,
                             state == .superseded ? newer : nil, practice.hex])
        try db.execute(sql: "DELETE FROM practice_fts WHERE practice = ?", arguments: [practice.hex])
        if let text = contents[version], let content = PracticeContent(canonicalJSON: text) {
            try db.execute(sql: "INSERT INTO practice_fts (practice, title, body) VALUES (?, ?, ?)",
                           arguments: [practice.hex, content.titleText, content.bodyText])
        }
    }

    func practiceStep(_ id: EntityID) throws -> PracticeStepFacts? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT s.practice, s.state, p.author, s.kind FROM practice_step s JOIN practice p ON p.id = s.practice WHERE s.id = ?
            """, arguments: [id.hex]),
            let practice = EntityID(hex: row[0]), let state = PracticeState(rawValue: row[1]), let submitter = FeedID(hex: row[2]),
            let kind = PracticeStepKind(rawValue: row[3])
        else { return nil }
        return PracticeStepFacts(practice: practice, state: state, submitter: submitter, carriesText: kind.carriesText)
    }

    func editionExists(_ id: EntityID) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM edition WHERE id = ?", arguments: [id.hex]) ?? false
    }
}
