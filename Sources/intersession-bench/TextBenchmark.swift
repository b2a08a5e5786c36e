import Foundation
import IntersessionCore

/// The draft text CRDT on the editing traces (`../shared/data/editing-traces`, copied into
/// `Tests/Data/editing-traces`): local replay edit by edit, encode and load, and merging
/// everything into an empty replica. Prints figures to compare with `Benchmarks/crdt_peers.py`.
struct TextBenchmark {
    let folder: URL

    init() {
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

    func run() throws {
        let paper = try load("automerge-paper")
        let edits = paper.transactions.reduce(0) { $0 + $1.patches.count }
        var times: [Double] = []
        var text = SequenceText()
        for _ in 0..<5 {
            text = SequenceText()
            let agent = text.agent(DeviceKey().feed)
            let start = DispatchTime.now()
            paper.replay(into: text, as: agent)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        }
        precondition(text.text == paper.endContent, "the replay does not give the trace's final text")
        print(String(format: "automerge-paper: %d edits replayed locally: best %.3f s, median %.3f s (%.0f edits/s); %d runs",
                     edits, times.min()!, times.sorted()[2], Double(edits) / times.min()!, text.runCount))
    }
}
