import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// Issue 12's figure: a sync with nothing new now looks at every file it remembers (one `lstat`
/// each, no read) so that a deleted or altered file stops covering its range. A folder of many
/// small files (one per sync of a busy member) is the worst case; the anchor is the raw floor
/// of the same `lstat`s, measured in the same run.
struct ManyFilesBenchmark {
    let changes: Int
    static let changesPerFile = 4

    func run() throws {
        let temp = try Scratch()
        var workload = try PostWorkload()
        let folder = GroupFolder(root: temp.path("shared"), group: workload.groupID)
        try SegmentWriter.write(workload.setup, to: folder)
        try Self.writeSmallFiles(workload.posts(changes), to: folder)
        let store = try AppDatabase.create(path: temp.path("replica.sqlite"))
        try store.apply([workload.setup[0]])
        let engine = SyncEngine(store: store)
        _ = try engine.sync(folders: [folder.root])
        Thread.sleep(forTimeInterval: 3.5)  // let the folders' times settle, then record them
        _ = try engine.sync(folders: [folder.root])
        let files = SegmentWriter.files(in: folder)
        var syncs: [Double] = [], floors: [Double] = []
        for _ in 0..<15 {
            let start = DispatchTime.now()
            let report = try engine.sync(folders: [folder.root])
            syncs.append(ApplyBenchmark.seconds(since: start) * 1000)
            guard !report.changedSomething else { throw BenchmarkError("a quiet sync changed something: \(report.summary)") }
            floors.append(Self.statFloor(files) * 1000)
        }
        let sync = syncs.sorted()[syncs.count / 2], floor = floors.sorted()[floors.count / 2]
        print(String(format: "nothing new, %d changes in %d small files: median %.2f ms; raw lstat floor %.2f ms; ratio %.2f of floor",
                     changes + workload.setup.count, files.count, sync, floor, floor / sync))
    }

    /// Each feed's changes in files of a few changes, as many small syncs leave them.
    static func writeSmallFiles(_ changes: [SignedChange], to folder: GroupFolder) throws {
        for (feed, feedChanges) in Dictionary(grouping: changes, by: \.author) {
            try FileManager.default.createDirectory(atPath: folder.feedPath(feed), withIntermediateDirectories: true)
            for start in stride(from: 0, to: feedChanges.count, by: changesPerFile) {
                let chunk = Array(feedChanges[start..<min(start + changesPerFile, feedChanges.count)])
                let name = SegmentName(firstSeq: chunk.first!.seq, lastSeq: chunk.last!.seq)!
                try Data(SegmentFormat.encode(chunk, group: folder.group)).write(to: URL(fileURLWithPath: folder.segmentPath(feed, name)))
            }
        }
    }

    /// The least a check of every file costs: one `lstat` each, nothing else.
    static func statFloor(_ files: [String]) -> Double {
        let start = DispatchTime.now()
        var info = stat()
        for file in files { _ = lstat(file, &info) }
        return ApplyBenchmark.seconds(since: start)
    }
}
