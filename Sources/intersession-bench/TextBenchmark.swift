import Foundation
import GRDB
import IntersessionCore

/// The draft text CRDT on the editing traces (`../shared/data/editing-traces`, copied into
/// `Tests/Data/editing-traces`): local replay edit by edit, encode and load, and merging
/// everything into an empty replica. Prints figures to compare with `Benchmarks/crdt_peers.py`.
struct TextBenchmark {
    let folder: URL
    /// How often each figure is measured (the best is printed), and how many saves the draft gets.
    let repetitions: Int
    let saves: Int

    /// `tiny`: one repetition and a few saves, so that CI runs every figure once in a debug build.
    init(tiny: Bool = false) {
        repetitions = tiny ? 1 : 5
        saves = tiny ? 20 : 1_000
        folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tests/Data/editing-traces")
    }

    func load(_ name: String) throws -> EditingTrace {
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-dc", folder.appendingPathComponent("\(name).json.gz").path]
        let pipe = Pipe()
        gzip.standardOutput = pipe
        try gzip.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        return try EditingTrace(json: Array(data))
    }

    /// The `draft-open` scenario: the paper's text as a draft saved `saves` times (10,000 unless
    /// given), opened from its stored rows against the replay and the raw floor.
    func runDraftOpen(saves given: Int?) throws {
        let paper = try load("automerge-paper")
        try DraftOpenBenchmark(edits: given ?? (repetitions == 1 ? saves : 10_000), repetitions: repetitions).run(text: paper.endContent)
    }

    func run() throws {
        let peers = PeerFigures.load()
        let paper = try load("automerge-paper")
        let text = replayLocally(paper, peers)
        try storeRoundTrip(text, peers)
        mergeIntoEmpty(paper, text, peers)
        try mergeFriends(peers)
        mergeBranches(paper, peers)
        try DraftOpenBenchmark(edits: saves, repetitions: repetitions).run(text: paper.endContent)
    }

    /// 1. The trace replayed edit by edit, recording the ops a peer would receive.
    func replayLocally(_ paper: EditingTrace, _ peers: PeerFigures) -> SequenceText {
        let edits = paper.transactions.reduce(0) { $0 + $1.patches.count }
        var times: [Double] = []
        var text = SequenceText()
        for _ in 0..<repetitions {
            text = SequenceText()
            let agent = text.agent(DeviceKey().feed)
            times.append(Self.time { paper.replay(into: text, as: agent) })
        }
        precondition(text.text == paper.endContent, "the replay does not give the trace's final text")
        let replay = times.min()!
        print(String(format: "automerge-paper: %d edits replayed locally: best %.3f s, median %.3f s (%.0f edits/s); %d runs",
                     edits, replay, times.sorted()[times.count / 2], Double(edits) / replay, text.runCount))
        peers.ratio("  vs Loro from Python", replay, "loro_replay_s")
        peers.ratio("  vs pycrdt", replay, "pycrdt_replay_s")

        return text
    }

    /// 2. Encoded, then loaded from the store into a fresh replica, and the cached text read.
    func storeRoundTrip(_ text: SequenceText, _ peers: PeerFigures) throws {
        var snapshot: [UInt8] = []
        let encode = Self.best(repetitions) { snapshot = text.encoded() }
        let decode = Self.best(repetitions) { _ = try! SequenceText(decoding: snapshot) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("text-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("draft.sqlite").path
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE draft (id TEXT PRIMARY KEY, state BLOB, text TEXT)")
            try db.execute(sql: "INSERT INTO draft VALUES ('d', ?, ?)", arguments: [Data(snapshot), text.text])
        }
        let openText = Self.best(repetitions) {
            let queue = try! DatabaseQueue(path: path)
            _ = try! queue.read { db in try String.fetchOne(db, sql: "SELECT text FROM draft WHERE id = 'd'") }
        }
        let openCRDT = Self.best(repetitions) {
            let queue = try! DatabaseQueue(path: path)
            let state = try! queue.read { db in try Data.fetchOne(db, sql: "SELECT state FROM draft WHERE id = 'd'") }!
            _ = try! SequenceText(decoding: Array(state))
        }
        print(String(format: "encode %.2f ms to %d bytes; decode %.2f ms; from the store: the cached text %.2f ms, the CRDT %.2f ms",
                     encode * 1000, snapshot.count, decode * 1000, openText * 1000, openCRDT * 1000))
        peers.ratio("  opening a draft (its cached text) vs Loro snapshot import + text", openText, "loro_snapshot_import_text_s")
        peers.ratio("  store+CRDT load vs Loro snapshot import", openCRDT, "loro_snapshot_import_s")
        peers.ratio("  store+CRDT load vs Loro snapshot import + text", openCRDT, "loro_snapshot_import_text_s")
        if let loroBytes = peers.figures["loro_snapshot_bytes"] {
            print(String(format: "  stored size vs Loro's snapshot: %.2f (%d vs %.0f bytes)", Double(snapshot.count) / loroBytes, snapshot.count, loroBytes))
        }
    }

    /// 3. Everything from a peer merged into an empty replica, as one state and op by op.
    func mergeIntoEmpty(_ paper: EditingTrace, _ text: SequenceText, _ peers: PeerFigures) {
        let whole = text.update()
        let adopt = Self.best(repetitions) {
            let fresh = SequenceText()
            try! fresh.merge(whole)
        }
        var ops: [TraceReplay.Edit] = []
        let recorder = SequenceText()
        let feed = DeviceKey().feed
        let agent = recorder.agent(feed)
        for transaction in paper.transactions {
            for patch in transaction.patches {
                if patch.deleted > 0 { ops += recorder.delete(patch.position..<(patch.position + patch.deleted)).map(TraceReplay.Edit.delete) }
                if !patch.inserted.isEmpty { ops.append(.insert(recorder.insert(patch.inserted, at: patch.position, by: agent))) }
            }
        }
        let opByOp = Self.best(min(3, repetitions)) {
            let fresh = SequenceText()
            _ = fresh.agent(feed)
            for op in ops { try! TraceReplay.apply(op, to: fresh) }
        }
        print(String(format: "merge automerge-paper into an empty replica: the whole state %.2f ms; all %d ops one by one %.1f ms",
                     adopt * 1000, ops.count, opByOp * 1000))
        peers.ratio("  whole state vs Loro update import", adopt, "loro_merge_paper_s")
        peers.ratio("  whole state vs pycrdt apply_update", adopt, "pycrdt_merge_paper_s")
        peers.ratio("  op by op vs Loro update import", opByOp, "loro_merge_paper_s")
        peers.ratio("  op by op vs pycrdt apply_update", opByOp, "pycrdt_merge_paper_s")
    }

    /// The friendsforever trace (several concurrent agents) merged into an empty replica.
    func mergeFriends(_ peers: PeerFigures) throws {
        let friends = try load("friendsforever")
        let feeds = (0..<friends.agents).map { _ in DeviceKey().feed }.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        let replay2 = try TraceReplay(friends, feeds: feeds)
        var merged = SequenceText()
        let friendsOps = Self.best(repetitions) { merged = try! replay2.merged() }
        precondition(merged.text == friends.endContent)
        let friendsState = merged.update()
        let friendsWhole = Self.best(repetitions) { try! SequenceText().merge(friendsState) }
        print(String(format: "merge friendsforever (%d transactions) into an empty replica: op by op %.2f ms; as one state %.3f ms",
                     friends.transactions.count, friendsOps * 1000, friendsWhole * 1000))
        peers.ratio("  op by op vs Loro importing every transaction", friendsOps, "loro_merge_friends_s")
        peers.ratio("  op by op vs pycrdt applying the merged update", friendsOps, "pycrdt_merge_friends_s")
        peers.ratio("  as one state vs pycrdt applying the merged update", friendsWhole, "pycrdt_merge_friends_s")
    }

    /// 4. Two offline branches of 10,000 edits each from a common base of 20,000.
    func mergeBranches(_ paper: EditingTrace, _ peers: PeerFigures) {
        let patches = paper.transactions.flatMap(\.patches)
        let branches = Self.bestMeasured(min(3, repetitions)) { () -> Double in
            let a = SequenceText()
            let alice = a.agent(DeviceKey().feed)
            Self.apply(patches[0..<20_000], to: a, by: alice)
            let b = SequenceText()
            try! b.merge(a.update())
            let bob = b.agent(DeviceKey().feed)
            Self.apply(patches[20_000..<30_000], to: a, by: alice)
            Self.apply(patches[30_000..<40_000], to: b, by: bob)
            let fromB = b.update(since: a.version)
            return Self.time { try! a.merge(fromB) }
        }
        print(String(format: "merge two offline branches of 10,000 edits each: %.2f ms", branches * 1000))
        peers.ratio("  vs Loro", branches, "loro_merge_branches_s")
        peers.ratio("  vs pycrdt", branches, "pycrdt_merge_branches_s")
    }

    /// Applies trace patches with positions clamped to the text, as the Python script does.
    static func apply(_ patches: ArraySlice<EditingTrace.Patch>, to text: SequenceText, by agent: UInt32) {
        for patch in patches {
            let position = min(patch.position, text.count)
            let deleted = min(patch.deleted, text.count - position)
            if deleted > 0 { text.delete(position..<(position + deleted)) }
            if !patch.inserted.isEmpty { text.insert(patch.inserted, at: position, by: agent) }
        }
    }

    static func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now()
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func best(_ runs: Int, _ body: () -> Void) -> Double { (0..<runs).map { _ in time(body) }.min()! }

    static func bestMeasured(_ runs: Int, _ body: () -> Double) -> Double { (0..<runs).map { _ in body() }.min()! }
}

/// The same work done by Loro and pycrdt from Python (Benchmarks/crdt_peers.py), run now when
/// both are installed, for the ratios.
struct PeerFigures {
    var figures: [String: Double] = [:]

    static func load() -> PeerFigures {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Benchmarks/crdt_peers.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--json"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return PeerFigures() }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            print("(Loro and pycrdt figures unavailable: pip install loro pycrdt)")
            return PeerFigures()
        }
        var figures = PeerFigures()
        for (key, value) in json { if let number = value as? Double { figures.figures[key] = number } }
        return figures
    }

    func ratio(_ label: String, _ ours: Double, _ key: String) {
        guard let theirs = figures[key], theirs > 0 else { return }
        print(String(format: "%@: %.3f (%.3f ms vs %.3f ms)", label, ours / theirs, ours * 1000, theirs * 1000))
    }
}
