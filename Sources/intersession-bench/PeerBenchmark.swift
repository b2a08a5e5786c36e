import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// Issue 14's first goal: a fresh peer from a sealed folder of N posts (N / 50 threads and their
/// replies), against `fossil clone file://` of a repository holding the same N texts as wiki
/// edits. Both are built before any clock runs. The peer is a new store that knows what an
/// invite gives (the genesis, the current epoch's key) and syncs the folder: timed once in a
/// process of its own (this executable's `peer-child`, from spawn to exit, with its peak
/// memory, as Fossil's clone is measured), once in this process (SyncEngine alone). It is not
/// the `intersession join` command: joining adds the invite's redemption, a few changes.
struct PeerBenchmark {
    let sizes: [Int]
    let orders: [PostWorkload.ThreadAuthor]

    func run() throws {
        for size in sizes {
            for order in orders { try run(size: size, order: order) }
        }
    }

    private func run(size: Int, order: PostWorkload.ThreadAuthor) throws {
        let threads = max(1, size / 50)
        let orderName = order == .lastFolder ? "threads' feed read last" : "threads' feed read first"
        print("peer (sealed folder, \(size) posts in \(threads) threads, \(orderName)): building the folder and the Fossil repository…")
        let scratch = try Scratch()
        var workload = try PostWorkload(threads: threads, sealed: true, threadAuthor: order)
        let all = workload.setup + workload.posts(max(0, size - threads))
        let folder = GroupFolder(root: scratch.path("shared"), group: workload.groupID, sealing: workload.sealing)
        try SegmentWriter.write(all, to: folder)
        let texts = FossilAnchor.texts(of: all)
        let fossil = try FossilAnchor.build(texts, in: scratch)
        let seed = PeerSeed(genesis: all[0], epoch: workload.epoch!)
        try seed.write(to: scratch.path("seed"))
        let expected = all.count - 1

        let clone = try fossil.clone(into: scratch.path("clone.fossil"))
        let child = try ChildProcess.run([ChildProcess.benchmarkExecutable, "peer-child", scratch.path("seed"), folder.root,
                                          scratch.path("child.sqlite"), String(expected)])
        Memory.resetPeak()
        let before = Memory.residentMiB()
        let start = DispatchTime.now()
        let report = try seed.sync(folder.root, into: scratch.path("peer.sqlite"))
        let seconds = ApplyBenchmark.seconds(since: start)
        try Self.check(report, expected: expected)

        let folderBytes = SegmentWriter.files(in: folder).reduce(0) { $0 + (FileStatus(path: $1)?.size ?? 0) }
        let fossilBytes = FileStatus(path: fossil.repository)?.size ?? 0
        print(String(format: "  %d texts; folder %.1f MiB, Fossil repository %.1f MiB", texts.count,
                     Double(folderBytes) / 1_048_576, Double(fossilBytes) / 1_048_576))
        print(String(format: "  fossil clone file://:                   %6.2f s (CPU %5.2f s), peak %4.0f MiB",
                     clone.seconds, clone.cpuSeconds, clone.peakMiB))
        print(String(format: "  fresh peer, own process (spawn to exit): %6.2f s (CPU %5.2f s), peak %4.0f MiB  ratio %.2f of Fossil's time (CPU %.2f)",
                     child.seconds, child.cpuSeconds, child.peakMiB, child.seconds / clone.seconds, child.cpuSeconds / clone.cpuSeconds))
        print(String(format: "  fresh peer, SyncEngine in this process:  %6.2f s, peak +%3.0f MiB  ratio %.2f of Fossil's time",
                     seconds, Memory.peakMiB() - before, seconds / clone.seconds))
    }

    static func check(_ report: SyncReport, expected: Int) throws {
        guard report.importedChanges == expected, report.pending == 0, report.problems.isEmpty else {
            throw BenchmarkError("the fresh peer did not take everything in: \(report.summary) \(report.problems)")
        }
    }

    /// The child's part: `peer-child SEED FOLDER STORE EXPECTED`.
    static func child(_ arguments: [String]) throws {
        guard arguments.count == 5, let expected = Int(arguments[4]) else {
            throw BenchmarkError("usage: peer-child SEED FOLDER STORE EXPECTED")
        }
        let report = try PeerSeed(readingFrom: arguments[1]).sync(arguments[2], into: arguments[3])
        try check(report, expected: expected)
        print(report.summary)
    }
}

/// What a new peer knows before its first sync: the genesis and the current epoch's key, as
/// its invite and its envelope give them. Written to a file for the child process.
struct PeerSeed {
    let genesis: SignedChange
    let epoch: (id: EntityID, key: [UInt8])

    init(genesis: SignedChange, epoch: (id: EntityID, key: [UInt8])) {
        self.genesis = genesis
        self.epoch = epoch
    }

    init(readingFrom path: String) throws {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        guard lines.count == 4, let bytes = Hex.decode(lines[0]), let signature = Hex.decode(lines[1]),
            let id = EntityID(hex: lines[2]), let key = Hex.decode(lines[3])
        else { throw BenchmarkError("not a peer seed: \(path)") }
        genesis = try SignedChange(bytes: bytes, signature: signature)
        epoch = (id, key)
    }

    func write(to path: String) throws {
        let lines = [Hex.encode(genesis.bytes), Hex.encode(genesis.signature), epoch.id.hex, Hex.encode(epoch.key)]
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Creates the peer's store at `path`, and syncs `folder` into it.
    func sync(_ folder: String, into path: String) throws -> SyncReport {
        let store = try AppDatabase.create(path: path)
        try store.apply([genesis])
        try store.holdEpochKeys([epoch.id.hex: epoch.key])
        return try SyncEngine(store: store).sync(folders: [folder])
    }
}
