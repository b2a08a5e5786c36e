import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// Issue 3's figures: importing a folder into a fresh replica against the raw floor, and a sync
/// with nothing new against folders of a thousand and of a million changes. Issue 13's: the
/// same in a sealed folder, where the floor opens each file as well (`SealedFile.open`).
struct SyncBenchmark {
    let changes: Int
    var sealed = false

    private var kind: String { sealed ? "sealed" : "open" }

    /// Imports in each feed order: the threads' author's feed folder read first of the
    /// delegates', then last (every reply read before the thread it answers).
    func runImport(orders: [PostWorkload.ThreadAuthor]) throws {
        for order in orders { try runImport(order: order) }
    }

    func runImport(order: PostWorkload.ThreadAuthor) throws {
        let orderName = order == .lastFolder ? "threads' feed read last" : "threads' feed read first"
        print("import (\(kind) folder, \(orderName)): generating \(changes) replies from 20 feeds, written as segments…")
        let temp = try Scratch()
        var workload = try PostWorkload(sealed: sealed, threadAuthor: order)
        let posts = workload.posts(changes)
        let all = workload.setup + posts
        let folder = GroupFolder(root: temp.path("shared"), group: workload.groupID, sealing: workload.sealing)
        try SegmentWriter.write(all, to: folder)
        let rows = try RawImportFloor.Rows(all)
        let files = SegmentWriter.files(in: folder)
        let bytes = files.reduce(0) { $0 + (FileStatus(path: $1)?.size ?? 0) }

        let floorSeconds = try RawImportFloor.run(files: files, rows: rows, schemaFrom: temp.path("floor.sqlite"), genesis: all[0],
                                                  open: workload.opened)

        let store = try workload.replica(at: temp.path("replica.sqlite"))
        Memory.resetPeak()
        let before = Memory.residentMiB()
        let start = DispatchTime.now()
        let report = try SyncEngine(store: store).sync(folders: [folder.root])
        let seconds = ApplyBenchmark.seconds(since: start)
        guard report.importedChanges == all.count - 1, report.pending == 0, report.problems.isEmpty else {
            throw BenchmarkError("import did not take everything in: \(report.summary) \(report.problems)")
        }
        let rate = Double(all.count) / seconds, floorRate = Double(all.count) / floorSeconds
        print(String(format: "  %d changes in %d files (%.0f MiB)", all.count, files.count, Double(bytes) / 1_048_576))
        let floorSteps = sealed ? "read, open, hash, prepared inserts" : "read, hash, prepared inserts"
        print("  raw floor (\(floorSteps)): " + String(format: "%9.0f changes/s  (%.2f s)", floorRate, floorSeconds))
        print("  sync import into a fresh replica: " + String(format: "%9.0f changes/s  (%.2f s)  ratio %.2f of floor",
                     rate, seconds, rate / floorRate))
        print(String(format: "  resident memory: %.0f MiB before (the generated workload), peak %.0f MiB during the import (+%.0f)",
                     before, Memory.peakMiB(), Memory.peakMiB() - before))
    }

    func runNothingNew(sizes: [Int]) throws {
        var medians: [Double] = []
        for size in sizes {
            let temp = try Scratch()
            var workload = try PostWorkload(sealed: sealed)
            let folder = GroupFolder(root: temp.path("shared"), group: workload.groupID, sealing: workload.sealing)
            let store = try workload.replica(at: temp.path("replica.sqlite"))
            let engine = SyncEngine(store: store)
            try SegmentWriter.write(workload.setup, to: folder)
            var made = 0
            let start = DispatchTime.now()
            while made < size {
                let batch = workload.posts(min(20_000, size - made))
                try SegmentWriter.write(batch, to: folder)
                made += batch.count
                _ = try engine.sync(folders: [folder.root])
            }
            let fillSeconds = ApplyBenchmark.seconds(since: start)
            Thread.sleep(forTimeInterval: 3.5)  // let the folders' times settle, then record them
            _ = try engine.sync(folders: [folder.root])
            var times: [Double] = []
            for _ in 0..<20 {
                let start = DispatchTime.now()
                let report = try engine.sync(folders: [folder.root])
                times.append(ApplyBenchmark.seconds(since: start) * 1000)
                guard !report.changedSomething else { throw BenchmarkError("a quiet sync changed something: \(report.summary)") }
            }
            times.sort()
            medians.append(times[times.count / 2])
            print("nothing new (\(kind)), " + String(format: "%8d changes in %5d files: median %.2f ms, worst %.2f ms  (filled by sync in %.0f s)",
                         size + workload.setup.count, SegmentWriter.files(in: folder).count, times[times.count / 2],
                         times.last!, fillSeconds))
        }
        if let first = medians.first, let last = medians.last, sizes.count > 1 {
            print("  flatness (\(kind)): " + String(format: "the largest folder's median is %.2f× the smallest's", last / first))
        }
    }
}

/// A folder for one run, removed afterwards.
final class Scratch {
    let root: String
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("intersession-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { root + "/" + name }
    /// `BENCH_KEEP_SCRATCH=1` leaves it in place (its path on standard error), to profile a
    /// command on the very home the benchmark measured.
    deinit {
        if ProcessInfo.processInfo.environment["BENCH_KEEP_SCRATCH"] == "1" {
            FileHandle.standardError.write(Data("kept \(root)\n".utf8))
        } else {
            try? FileManager.default.removeItem(atPath: root)
        }
    }
}

enum Memory {
    /// Resets the kernel's record of peak resident memory (Linux), so a phase can be measured alone.
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func residentMiB() -> Double { field("VmRSS:") }

    static func peakMiB() -> Double { field("VmHWM:") }

    static func field(_ name: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
            let kib = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return ApplyBenchmark.peakMemoryMiB() }
        return kib / 1024
    }
}
