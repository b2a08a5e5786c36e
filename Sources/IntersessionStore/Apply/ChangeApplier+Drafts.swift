import Foundation
import GRDB
import IntersessionCore

/// Drafts and amendments: the text's CRDT and its blame are loaded once per batch, merged into,
/// and written back with the current text and the paragraphs they give (blame and flags), so
/// that opening a draft reads rows.
extension ChangeApplier {
    func executeDraft(_ mutation: Mutation, of change: SignedChange, author: Int64) throws {
        let stamp = change.stamp
        switch mutation {
        case .createDraft(let id, let draft, _):
            let empty = SequenceText()
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO draft (id, title, topic, lang, symbol, translation_of, author, seq, created_ms, state, text, edited_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)
                    """,
                arguments: [id.hex, draft.title, draft.topic.hex, draft.language.rawValue, draft.symbol, draft.translationOf?.hex, author,
                            stamp.seq, stamp.hlc.millis, Data(empty.encoded()), stamp.hlc.millis])
            try recordPenholders(id, adding: draft.penholders.map { DraftPenholders.Addition(feed: $0, fromSeq: 1) }, removing: [],
                                 change: change, author: author)
            try recordOp(id, change: change, author: author, index: 0, kind: "create")
        case .editDraft(let edit, _, let opIndex):
            let text = try draftText(edit.draft)
            guard text.accepts(edit, by: change.author) else {
                return try execute(.rejectOp(index: opIndex, reason: .textConflict), of: change)
            }
            try text.apply(edit, by: change.author)
            try recordBlame(edit, of: change, opIndex: opIndex)
            editedDrafts[edit.draft] = max(editedDrafts[edit.draft] ?? 0, stamp.hlc.millis)
            try recordOp(edit.draft, change: change, author: author, index: opIndex, kind: "edit")
        case .changePenholders(let penholders, _):
            try recordPenholders(penholders.draft, adding: penholders.additions, removing: penholders.removals, change: change,
                                 author: author)
            try recordOp(penholders.draft, change: change, author: author, index: 0, kind: "penholders")
        case .addVersion(let version, _):
            try db.execute(
                sql: "INSERT OR IGNORE INTO draft_version (draft, name, heads, feed, seq, hlc_ms, hlc_c) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [version.draft.hex, version.name, PollJSON.frontier(version.heads), author, stamp.seq, stamp.hlc.millis,
                            stamp.hlc.counter])
            try recordOp(version.draft, change: change, author: author, index: 0, kind: "version")
        case .proposeAmendment(let id, let amendment, _):
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO amendment (id, draft, feed, seq, hlc_ms, hlc_c, kind, from_anchor, to_anchor, text, rationale)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id.hex, amendment.draft.hex, author, stamp.seq, stamp.hlc.millis, stamp.hlc.counter, amendment.kind.rawValue,
                            amendment.from?.text, amendment.to?.text, amendment.text, amendment.rationale])
            // Placed now in the text as this batch has it; an edit later in the batch places it again.
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM draft WHERE id = ?", arguments: [amendment.draft.hex]) ?? false else { break }
            let text = try draftText(amendment.draft)
            for anchor in [amendment.from, amendment.to].compactMap({ $0 }) {
                try AppDatabase.storeAnchor(db, amendment.draft.hex, anchor.text, in: text)
            }
        case .amendmentPosition(let amendment, let supports, let reason, _):
            try db.execute(
                sql: """
                    INSERT INTO amendment_position (amendment, feed, supports, reason, hlc_ms, hlc_c, seq) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (amendment, feed) DO UPDATE SET supports = excluded.supports, reason = excluded.reason,
                        hlc_ms = excluded.hlc_ms, hlc_c = excluded.hlc_c, seq = excluded.seq
                    WHERE amendment_position.seq < excluded.seq
                    """,
                arguments: [amendment.hex, author, supports, reason, stamp.hlc.millis, stamp.hlc.counter, stamp.seq])
        default:
            break
        }
    }

    func draftText(_ id: EntityID) throws -> SequenceText {
        if let open = draftTexts[id] { return open }
        guard let state = try Data.fetchOne(db, sql: "SELECT state FROM draft WHERE id = ?", arguments: [id.hex]) else {
            throw StoreError.notFound(kind: "draft", prefix: id.short)
        }
        let text = try SequenceText(decoding: Array(state))
        draftTexts[id] = text
        return text
    }

    private func recordBlame(_ edit: DraftEdit, of change: SignedChange, opIndex: Int) throws {
        var blame = try draftBlames[edit.draft] ?? AppDatabase.blame(db, edit.draft.hex)
        let hlc = change.body.hlc
        let order = DraftBlame.Order(millis: hlc.millis, counter: hlc.counter, author: change.author, seq: change.seq,
                                     opIndex: Int64(opIndex))
        blame.record(edit, as: DraftBlame.Edit(author: change.author, seq: change.seq, order: order, base: edit.base))
        draftBlames[edit.draft] = blame
    }

    func flushDrafts() throws {
        for (id, edited) in editedDrafts {
            guard let text = draftTexts[id] else { continue }
            let current = text.text
            try db.execute(sql: "UPDATE draft SET state = ?, text = ?, edited_ms = max(edited_ms, ?) WHERE id = ?",
                           arguments: [Data(text.encoded()), current, edited, id.hex])
            if let blame = draftBlames[id] { try AppDatabase.storeDraftState(db, id.hex, text: text, current: current, blame: blame) }
        }
        editedDrafts = [:]
        draftTexts = [:]
        draftBlames = [:]
    }

    private func recordOp(_ draft: EntityID, change: SignedChange, author: Int64, index: Int, kind: String) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO draft_op (draft, feed, seq, op_index, hlc_ms, hlc_c, kind) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [draft.hex, author, change.seq, index, change.body.hlc.millis, change.body.hlc.counter, kind])
    }
}
