import Foundation
import GRDBSQLite
import IntersessionCore
import IntersessionResources
import IntersessionStore

/// What opening a draft costs after a long history: the automerge-paper text as a draft, then
/// `edits` saves that each change a word somewhere (a few through the store, timed, the others
/// signed apart and applied in batches) and an open amendment. A second replica takes the saves in one
/// batch from the first; on it the draft opens from its stored rows, by a replay of every save,
/// and, as the floor, by one SELECT of the same paragraph rows through SQLite's C API.
struct DraftOpenBenchmark {
    let edits: Int
    let repetitions: Int
    /// The goal of issue 14 for an opening with blame and flags.
    static let target = 0.005

    func run(text: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("draft-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (origin, key, draft) = try history(of: text)
        let path = folder.appendingPathComponent("store.sqlite").path
        let store = try AppDatabase.create(path: path)
        let log = try origin.changes(of: key.feed, in: 1...Int64.max)
        let apply = TextBenchmark.time { _ = try! store.apply(log) }
        print(String(format: "  a replica taking the %d changes in one batch: %.0f ms", log.count, apply * 1000))

        let stored = try store.draft(draft), replayed = try store.draft(draft, reading: .replayed)
        guard stored == replayed, stored == (try origin.draft(draft)) else {
            throw BenchmarkError("the stored draft differs from the replay or from the replica that saved it")
        }
        let open = TextBenchmark.best(repetitions) { _ = try! store.draft(draft) }
        let replay = TextBenchmark.best(min(3, repetitions)) { _ = try! store.draft(draft, reading: .replayed) }
        let history = try store.draftHistory(draft)
        let parse = TextBenchmark.best(min(3, repetitions)) { _ = try! store.draftHistory(draft) }
        let blame = TextBenchmark.best(min(3, repetitions)) { _ = history.blocks() }
        let floor = try Self.floor(path: path, draft: draft, repetitions: repetitions)
        guard stored.paragraphs.contains(where: { !$0.openAmendments.isEmpty }) else { throw BenchmarkError("the amendment is not placed") }
        print(String(format: "open it after %d saves (%d paragraphs with blame and flags, an open amendment): stored %.2f ms "
                         + "(target %.0f ms: %@)", edits, stored.paragraphs.count, open * 1000, Self.target * 1000, open <= Self.target ? "met" : "missed"))
        print(String(format: "  vs the replay %.1f ms (reading the history %.1f ms, replaying it for blame and flags %.1f ms): %.3f",
                     replay * 1000, parse * 1000, blame * 1000, open / replay))
        print(String(format: "  vs the raw floor, one SELECT of its paragraph rows: %.3f ms: %.2f", floor * 1000, open / floor))
        let start = TextBenchmark.best(repetitions) { _ = try! store.draftStart(draft) }
        let list = TextBenchmark.best(repetitions) { _ = try! store.drafts() }
        print(String(format: "  start an edit: %.1f ms; list drafts: %.2f ms", start * 1000, list * 1000))
    }

    /// An in-memory replica where the draft was created and saved `edits` times, one change a
    /// save: the first `sampled` saves through the store as a person's are (timed), the others
    /// diffed and signed here and applied in batches, as a sync brings them.
    private func history(of text: String) throws -> (AppDatabase, DeviceKey, String) {
        let store = try AppDatabase.inMemory()
        let key = DeviceKey()
        let template = try GroupTemplate(json: Array(EmbeddedResources.template(named: "wgec")!))
        var now: Int64 = 1_790_000_000_000
        let genesis = try store.createGroup(ops: template.genesisOps(title: nil, founder: MemberProfile(
            name: "Secretariat", organisation: "WCO", language: .en)), key: key, now: now)
        let topic = EntityID(hex: try store.topics()[0].id)!
        let draft = try store.author(ops: [.draftCreate(DraftCreate(title: "Paper", topic: topic, language: .en, symbol: "X/1",
                                                                    penholders: [key.feed]))],
                                     references: [topic], key: key, now: now).entity(0).hex
        var last = try store.saveDraft(draft, text: text, key: key, now: now)!
        var rng = SplitMix64(seed: 1)
        var current = text
        func nextText(_ index: Int) -> String {
            var scalars = Array(current.unicodeScalars)
            let at = Int.random(in: 0..<scalars.count, using: &rng)
            scalars.replaceSubrange(at..<min(scalars.count, at + 3), with: Array("edit \(index) ".unicodeScalars))
            return String(String.UnicodeScalarView(scalars))
        }
        let sampled = min(edits, 200)
        let save = TextBenchmark.time {
            for index in 0..<sampled {
                now += 60_000
                current = nextText(index)
                last = try! store.saveDraft(draft, text: current, key: key, now: now)!
            }
        }
        print(String(format: "a %d-character draft saved %d times: %.1f ms a save (diff, sign, merge, store text, blame and paragraphs)",
                     text.unicodeScalars.count, sampled, save * 1000 / Double(max(1, sampled))))
        let writer = try store.draftText(draft)
        var changes: [SignedChange] = []
        for index in sampled..<edits {
            now += 60_000
            current = nextText(index)
            let (insertions, deletions) = writer.change(to: current, by: key.feed)
            let edit = DraftEdit(draft: EntityID(hex: draft)!, base: [key.feed: last.seq], insertions: insertions, deletions: deletions)
            let body = ChangeBody.next(group: genesis.hash, author: key.feed, after: FeedHead(seq: last.seq, hash: last.hash),
                                       latest: last.body.hlc, now: now, deps: [:], ops: [.draftEdit(edit)])
            last = SignedChange(signing: body, with: key)
            changes.append(last)
        }
        let batch = 500
        let apply = TextBenchmark.time {
            for start in stride(from: 0, to: changes.count, by: batch) {
                _ = try! store.apply(Array(changes[start..<min(start + batch, changes.count)]))
            }
        }
        if !changes.isEmpty {
            print(String(format: "  the other %d saves, signed apart and applied in batches of %d: %.2f ms a save", changes.count, batch,
                         apply * 1000 / Double(changes.count)))
        }
        guard try store.draft(draft).text == current else { throw BenchmarkError("the saves did not all count") }
        // An open amendment, so that the opening places it too (it needs the text's CRDT).
        let crdt = try store.draftText(draft)
        _ = try store.author(ops: [.amendPropose(AmendPropose(
            draft: EntityID(hex: draft)!, kind: .replace, from: crdt.anchor(at: crdt.count / 2), to: crdt.anchor(at: crdt.count / 2 + 9),
            text: "amended", rationale: "Clearer."))], references: [EntityID(hex: draft)!], key: key, now: now + 60_000)
        return (store, key, draft)
    }

    /// The best time of one prepared SELECT of the draft's paragraph rows, every column read,
    /// on a connection already open (as the store's is).
    static func floor(path: String, draft: String, repetitions: Int) throws -> Double {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db else {
            throw BenchmarkError("cannot open \(path)")
        }
        defer { sqlite3_close_v2(db) }
        var rows = 0
        let best = try (0..<repetitions).map { _ in
            let start = DispatchTime.now()
            let statement = try RawFloor.prepare(db, """
                SELECT number, range_start, range_end, text, last_author, last_ms, concurrent FROM draft_block
                WHERE draft = ? ORDER BY position
                """)
            RawFloor.bind(statement, 1, draft)
            var read: [(Int64, Int64, Int64, String, String?, Int64, Bool)] = []
            while sqlite3_step(statement) == SQLITE_ROW {
                let author = sqlite3_column_text(statement, 4).map { String(cString: $0) }
                read.append((sqlite3_column_int64(statement, 0), sqlite3_column_int64(statement, 1), sqlite3_column_int64(statement, 2),
                             String(cString: sqlite3_column_text(statement, 3)), author, sqlite3_column_int64(statement, 5),
                             sqlite3_column_int64(statement, 6) != 0))
            }
            sqlite3_finalize(statement)
            rows = read.count
            return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        }.min()!
        guard rows > 0 else { throw BenchmarkError("the floor read no paragraph rows") }
        return best
    }
}
