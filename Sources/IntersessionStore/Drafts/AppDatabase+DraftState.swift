import Foundation
import GRDB
import IntersessionCore

/// A draft's state kept beside its CRDT: its blame (`draft_blame`) and its paragraphs with their
/// blame and flags (`draft_block`), written whenever its text changes and read when it opens.
extension AppDatabase {
    /// Where an opening takes a draft's paragraphs from: the stored rows, or a replay of every
    /// edit in the log (the plain path the stored one must equal; for tests and benchmarks).
    public enum DraftReading: Sendable {
        case stored, replayed
    }

    /// A paragraph as an opening shows it.
    struct OpenedBlock: Equatable {
        var paragraph: Paragraph
        /// The hex of the feed whose edit last changed it, and when.
        var lastAuthor: String?
        var lastChanged: Int64?
        var concurrent: Bool
    }

    /// The draft's current text and its paragraphs, read as `reading` says.
    static func openedBlocks(_ db: Database, _ id: String, _ reading: DraftReading) throws -> (text: String, blocks: [OpenedBlock]) {
        switch reading {
        case .replayed:
            let history = try Self.history(db, id)
            let (text, blocks) = history.blocks()
            return (text, blocks.map { block in
                let last = block.lastEdit.map { history.edits[$0] }
                return OpenedBlock(paragraph: block.paragraph, lastAuthor: last?.author.hex, lastChanged: last?.time,
                                   concurrent: block.concurrent)
            })
        case .stored:
            guard let text = try String.fetchOne(db, sql: "SELECT text FROM draft WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "draft", prefix: id)
            }
            let blocks = try Row.fetchAll(db, sql: """
                SELECT number, range_start, range_end, text, last_author, last_ms, concurrent FROM draft_block
                WHERE draft = ? ORDER BY position
                """, arguments: [id]).map { row in
                OpenedBlock(paragraph: Paragraph(range: (row[1] as Int)..<(row[2] as Int), text: row[3], number: row[0]),
                            lastAuthor: row[4], lastChanged: row[5], concurrent: row[6])
            }
            return (text, blocks)
        }
    }

    /// The draft's blame as stored (empty before its first edit).
    static func blame(_ db: Database, _ id: String) throws -> DraftBlame {
        guard let state = try Data.fetchOne(db, sql: "SELECT state FROM draft_blame WHERE draft = ?", arguments: [id]) else {
            return DraftBlame()
        }
        return try DraftBlame(decoding: Array(state))
    }

    /// Stores the draft's blame and the paragraphs `text` gives with it. A paragraph touched by
    /// the same edits as one stored before keeps the flag found then.
    static func storeDraftState(_ db: Database, _ id: String, text: SequenceText, current: String? = nil, blame: DraftBlame) throws {
        try db.execute(sql: """
            INSERT INTO draft_blame (draft, state) VALUES (?, ?) ON CONFLICT (draft) DO UPDATE SET state = excluded.state
            """, arguments: [id, Data(blame.encoded())])
        var known: [[Int]: Bool] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT touched, concurrent FROM draft_block WHERE draft = ?", arguments: [id]) {
            if let touched = try? DraftBlame.Block.touched(decoding: Array(row[0] as Data)) { known[touched] = row[1] }
        }
        let blocks = blame.blocks(of: text, current: current, known: known)
        try storeAnchors(db, id, text: text)
        try db.execute(sql: "DELETE FROM draft_block WHERE draft = ?", arguments: [id])
        let insert = try db.cachedStatement(sql: """
            INSERT INTO draft_block (draft, position, number, range_start, range_end, text, last_author, last_ms, concurrent, touched)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, block) in blocks.enumerated() {
            let last = block.lastEdit.map { blame.edits[$0] }
            let paragraph = block.paragraph
            try insert.execute(arguments: [
                id, position, paragraph.number, paragraph.range.lowerBound, paragraph.range.upperBound, paragraph.text,
                last?.author.hex, last?.time, block.concurrent, Data(block.encodedTouched),
            ])
        }
    }

    /// Stores where each character named by the draft's amendments and comments stands in `text`.
    static func storeAnchors(_ db: Database, _ id: String, text: SequenceText) throws {
        try db.execute(sql: "DELETE FROM draft_anchor WHERE draft = ?", arguments: [id])
        let named = try String.fetchAll(db, sql: """
            SELECT from_anchor FROM amendment WHERE draft = ?1 AND from_anchor IS NOT NULL
            UNION SELECT to_anchor FROM amendment WHERE draft = ?1 AND to_anchor IS NOT NULL
            UNION SELECT anchor FROM draft_comment WHERE draft = ?1 AND anchor IS NOT NULL
            """, arguments: [id])
        for name in named { try storeAnchor(db, id, name, in: text) }
    }

    static func storeAnchor(_ db: Database, _ id: String, _ name: String, in text: SequenceText) throws {
        guard let anchor = TextAnchor(text: name) else { return }
        try db.execute(sql: "INSERT OR REPLACE INTO draft_anchor (draft, anchor, position) VALUES (?, ?, ?)",
                       arguments: [id, name, text.position(of: anchor)])
    }

    /// Where a character stands in the draft's current text: from `draft_anchor`, or from the
    /// CRDT (loaded once, by `crdt`) for one not stored yet (a comment made since the last edit).
    struct AnchorPositions {
        let stored: [String: Int?]
        let crdt: () throws -> SequenceText

        /// `reading` .replayed places every character from the CRDT.
        init(_ db: Database, _ id: String, _ reading: DraftReading, crdt: @escaping () throws -> SequenceText) throws {
            var stored: [String: Int?] = [:]
            let rows = reading == .stored
                ? try Row.fetchAll(db, sql: "SELECT anchor, position FROM draft_anchor WHERE draft = ?", arguments: [id]) : []
            for row in rows { stored[row[0] as String] = .some(row[1] as Int?) }
            self.stored = stored
            self.crdt = crdt
        }

        func position(of anchor: TextAnchor) throws -> Int? {
            if let known = stored[anchor.text] { return known }
            return try crdt().position(of: anchor)
        }
    }

    /// Gives every draft in the store its stored state from the edits that counted on it (the
    /// migration to v13).
    static func fillDraftStates(_ db: Database) throws {
        for id in try String.fetchAll(db, sql: "SELECT id FROM draft ORDER BY id") {
            var blame = DraftBlame()
            for edit in try Self.history(db, id).edits { blame.record(edit.edit, as: edit.blamed) }
            try storeDraftState(db, id, text: try openText(db, id), blame: blame)
        }
    }
}
