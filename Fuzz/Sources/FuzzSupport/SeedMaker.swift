import Foundation

/// The seed step: run with `INTERSESSION_FUZZ_SEEDS=<real files>:<corpus>`, a target writes
/// the seeds it makes from the real files (with the real encoders) into the corpus folder and
/// exits instead of fuzzing. Called from each target's `LLVMFuzzerInitialize`.
public enum SeedMaker {
    public static func runIfAsked(_ make: (RealFiles) -> [[UInt8]]) {
        guard let request = ProcessInfo.processInfo.environment["INTERSESSION_FUZZ_SEEDS"] else { return }
        let parts = request.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { fatalError("INTERSESSION_FUZZ_SEEDS must be <real files>:<corpus>") }
        let corpus = URL(fileURLWithPath: parts[1])
        try? FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let seeds = make(RealFiles(root: URL(fileURLWithPath: parts[0])))
        for (index, seed) in seeds.enumerated() {
            let name = String(format: "seed-%04d", index)
            do {
                try Data(seed).write(to: corpus.appendingPathComponent(name))
            } catch {
                fatalError("cannot write \(name): \(error)")
            }
        }
        print("\(seeds.count) seeds in \(corpus.path)")
        exit(seeds.isEmpty ? 1 : 0)
    }
}
