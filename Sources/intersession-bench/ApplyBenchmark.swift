import Foundation
import IntersessionCore
import IntersessionStore

/// Scenario 1: apply N single-post changes to a fresh store on disk (WAL, synchronous=FULL),
/// against the raw floor: the same rows written with plain prepared SQLite statements in one
/// transaction, into the same schema.
struct ApplyBenchmark {
    let changes: Int

    func run() throws {
        print("apply: generating \(changes) signed single-post changes…")
        var workload = try PostWorkload()
        let posts = workload.posts(changes)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intersession-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let floorPath = folder.appendingPathComponent("floor.sqlite").path
        let floorStore = try AppDatabase.create(path: floorPath)
        try floorStore.apply(workload.setup)
        let rows = try RawFloor.Rows(posts, feedRows: floorStore.feedRowIDs())
        let floorSeconds = try RawFloor.insert(rows, path: floorPath)

        let storePath = folder.appendingPathComponent("store.sqlite").path
        let store = try AppDatabase.create(path: storePath)
        try store.apply(workload.setup)
        let start = DispatchTime.now()
        let report = try store.apply(posts)
        let applySeconds = Self.seconds(since: start)
        guard report.applied == changes, report.rejectedOps.isEmpty else {
            throw BenchmarkError("apply did not apply every change: \(report)")
        }

        let parsePath = folder.appendingPathComponent("parsed.sqlite").path
        let parsedStore = try AppDatabase.create(path: parsePath)
        try parsedStore.apply(workload.setup)
        let wire = posts.map { ($0.bytes, $0.signature) }
        let parseStart = DispatchTime.now()
        let decoded = try wire.map { try SignedChange(bytes: $0.0, signature: $0.1) }
        try parsedStore.apply(decoded)
        let parseSeconds = Self.seconds(since: parseStart)

        let floorRate = Double(changes) / floorSeconds
        let applyRate = Double(changes) / applySeconds
        let parseRate = Double(changes) / parseSeconds
        print(String(format: "  raw floor (prepared inserts, one transaction): %10.0f changes/s  (%.2f s)", floorRate, floorSeconds))
        print(String(format: "  store.apply (decoded changes):                 %10.0f changes/s  (%.2f s)  ratio %.2f of floor",
                     applyRate, applySeconds, applyRate / floorRate))
        print(String(format: "  decode bytes + store.apply:                    %10.0f changes/s  (%.2f s)  ratio %.2f of floor",
                     parseRate, parseSeconds, parseRate / floorRate))
        print(String(format: "  peak resident memory: %.0f MiB", Self.peakMemoryMiB()))
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
