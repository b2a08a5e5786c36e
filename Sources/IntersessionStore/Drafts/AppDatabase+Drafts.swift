import Foundation
import GRDB
import IntersessionCore

extension AppDatabase {
    public func drafts() throws -> [DraftSummary] {
        try read { db in try Row.fetchAll(db, sql: Self.summarySQL + " ORDER BY d.edited_ms DESC, d.id").map(Self.summary) }
    }

    static let summarySQL = """
        SELECT d.id, d.title, d.symbol, coalesce((SELECT value FROM register WHERE entity = d.id AND name = 'draft.status'), 'working'),
               d.lang, d.topic, d.translation_of,
               (SELECT count(*) FROM amendment a WHERE a.draft = d.id
                  AND NOT EXISTS (SELECT 1 FROM register r WHERE r.entity = a.id AND r.name = 'amend.decision')),
               d.edited_ms,
               (SELECT v.name FROM draft_version v JOIN feed f ON f.id = v.feed WHERE v.draft = d.id
                  ORDER BY v.hlc_ms DESC, v.hlc_c DESC, f.hex DESC LIMIT 1)
        FROM draft d
        """

    static func summary(_ row: Row) -> DraftSummary {
        let version: String? = row[9]
        return DraftSummary(id: row[0], title: row[1], symbol: version.map { "\(row[2] as String) \($0)" } ?? row[2], status: row[3],
                            language: row[4], topic: row[5], translationOf: row[6], openAmendments: row[7], edited: row[8])
    }

    /// The draft's heads: each feed's latest change that counted on it.
    public func draftHeads(_ id: String) throws -> [FeedID: Int64] {
        try read { db in try Self.heads(db, id) }
    }

    static func heads(_ db: Database, _ id: String) throws -> [FeedID: Int64] {
        var heads: [FeedID: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT f.key, max(o.seq) FROM draft_op o JOIN feed f ON f.id = o.feed WHERE o.draft = ? GROUP BY o.feed",
                                    arguments: [id]) {
            if let feed = FeedID(bytes: Array(row[0] as Data)) { heads[feed] = row[1] }
        }
        return heads
    }

    /// The draft's text as a CRDT, to edit here.
    public func draftText(_ id: String) throws -> SequenceText {
        try read { db in
            guard let state = try Data.fetchOne(db, sql: "SELECT state FROM draft WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "draft", prefix: id)
            }
            return try SequenceText(decoding: Array(state))
        }
    }

    /// Every edit that counted on the draft, in the replay's order: by clock, then author key,
    /// seq and op index (the same on every replica).
    public func draftHistory(_ id: String) throws -> DraftHistory {
        try read { db in try Self.history(db, id) }
    }

    static func history(_ db: Database, _ id: String) throws -> DraftHistory {
        var edits: [DraftHistory.Edit] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT c.body, o.op_index, o.hlc_ms, o.hlc_c FROM draft_op o JOIN change c ON c.feed = o.feed AND c.seq = o.seq
            JOIN feed f ON f.id = o.feed
            WHERE o.draft = ? AND o.kind = 'edit' ORDER BY o.hlc_ms, o.hlc_c, f.key, o.seq, o.op_index
            """, arguments: [id]) {
            let body = try ChangeBody(json: try JSONParser.parse(Array(row[0] as Data)))
            let index: Int = row[1]
            guard body.ops.indices.contains(index), case .draftEdit(let edit) = body.ops[index] else { continue }
            edits.append(.init(author: body.author, seq: body.seq, time: row[2], counter: row[3], opIndex: index, edit: edit))
        }
        return DraftHistory(edits: edits)
    }

    /// The draft as its opening shows it: paragraphs with blame and flags from the stored rows
    /// (or, `.replayed`, from a replay of every edit, which must give the same).
    public func draft(_ id: String, reading: DraftReading = .stored) throws -> DraftDetail {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: Self.summarySQL + " WHERE d.id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "draft", prefix: id)
            }
            let summary = Self.summary(row)
            let (text, blocks) = try Self.openedBlocks(db, id, reading)
            let names = try Self.names(db)
            // Amendments and comments name characters, placed from `draft_anchor` (the CRDT only
            // for one not placed there yet).
            var opened: SequenceText?
            let anchors = try AnchorPositions(db, id, reading) {
                if let opened { return opened }
                let loaded = try Self.openText(db, id)
                opened = loaded
                return loaded
            }
            let hasAmendments = try Bool.fetchOne(db, sql: "SELECT 1 FROM amendment WHERE draft = ? LIMIT 1", arguments: [id]) ?? false
            let amendments = hasAmendments
                ? try Self.amendments(db, draft: id, position: anchors.position(of:), current: text, blocks: blocks.map(\.paragraph)) : []
            // A translation is aligned with its source block by block.
            var staleSource: Set<Int> = []
            if let source = summary.translationOf {
                let sourceBlocks = try Self.openedBlocks(db, source, reading).blocks
                for (index, block) in blocks.enumerated() where sourceBlocks.indices.contains(index) {
                    if let theirs = sourceBlocks[index].lastChanged, theirs > block.lastChanged ?? 0 { staleSource.insert(index) }
                }
            }
            var comments: [Int: [String]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT c.thread, c.anchor FROM draft_comment c JOIN thread t ON t.id = c.thread WHERE c.draft = ? ORDER BY t.created_ms
                """, arguments: [id]) {
                let anchor = (row[1] as String?).flatMap(TextAnchor.init(text:))
                let offset = try anchor.flatMap { try anchors.position(of: $0) } ?? 0
                if let block = Paragraphs.block(containing: offset, in: blocks.map(\.paragraph)) { comments[block, default: []].append(row[0]) }
            }
            let paragraphs = blocks.enumerated().map { index, block in
                DraftParagraph(
                    number: block.paragraph.number, text: block.paragraph.text,
                    lastAuthor: block.lastAuthor.map { names[$0] ?? String($0.prefix(8)) },
                    lastChanged: block.lastChanged, concurrentEdits: block.concurrent,
                    openAmendments: amendments.filter { $0.status == "open" && $0.paragraph == index }.map(\.id),
                    sourceChangedSince: staleSource.contains(index), comments: comments[index] ?? [])
            }
            let penholders = try Self.penholders(of: id, db).map(\.hex).sorted()
            let versions = try Row.fetchAll(db, sql: """
                SELECT v.name, v.hlc_ms, f.hex, v.heads FROM draft_version v JOIN feed f ON f.id = v.feed WHERE v.draft = ?
                ORDER BY v.hlc_ms, v.hlc_c, f.hex
                """, arguments: [id]).map {
                DraftVersionInfo(name: $0[0], time: $0[1], by: names[$0[2] as String] ?? String(($0[2] as String).prefix(8)),
                                 heads: PollJSON.frontier($0[3] as String))
            }
            return DraftDetail(
                summary: summary, text: text, paragraphs: paragraphs, penholders: penholders.map { names[$0] ?? String($0.prefix(8)) }.sorted(),
                versions: versions, translations: try String.fetchAll(db, sql: "SELECT id FROM draft WHERE translation_of = ?", arguments: [id]))
        }
    }

    static func openText(_ db: Database, _ id: String) throws -> SequenceText {
        guard let state = try Data.fetchOne(db, sql: "SELECT state FROM draft WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound(kind: "draft", prefix: id)
        }
        return try SequenceText(decoding: Array(state))
    }

    static func names(_ db: Database) throws -> [String: String] {
        Dictionary(try Row.fetchAll(db, sql: "SELECT f.hex, m.name FROM member m JOIN feed f ON f.id = m.feed").map { ($0[0], $0[1]) }) { a, _ in a }
    }
}
