import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionResources
import IntersessionSync

/// Issue 14's figure: bytes in the folder per byte of post text (target at most 2), for an open
/// and a sealed folder, with the workload's repetitive replies and with replies of varied text
/// drawn from the demo's English and French (words sampled as often as the demo uses them, so
/// the compressor gets no repeated sentences). The anchor is the version 1 segment (every body
/// as signed, uncompressed), whose size is computed from the same changes in the same run.
struct FolderBytesBenchmark {
    let changes: Int

    func run() throws {
        print("folder bytes per byte of post text (\(changes) replies from 20 feeds, 1,000 threads; target at most 2):")
        let vocabulary = try Self.demoWords()
        for sealed in [false, true] {
            try measure(sealed: sealed, text: nil)
            try measure(sealed: sealed, text: { index in Self.varied(index, from: vocabulary) })
        }
    }

    private func measure(sealed: Bool, text: ((Int) -> String)?) throws {
        let temp = try Scratch()
        var workload = try PostWorkload(sealed: sealed)
        let all = workload.setup + (text.map { workload.posts(changes, text: $0) } ?? workload.posts(changes))
        let folder = GroupFolder(root: temp.path("shared"), group: workload.groupID, sealing: workload.sealing)
        try SegmentWriter.write(all, to: folder)
        let stored = Self.bytes(under: folder.path)
        let postText = all.reduce(0) { $0 + Self.postTextBytes($1) }
        let versionOne = all.reduce(0) { $0 + 88 + 2 + $1.bytes.count }
        let kind = (sealed ? "sealed" : "open  ") + (text == nil ? ", workload text" : ", varied text  ")
        print("  \(kind): " + String(format: "%6.2f bytes per byte (%.1f MiB for %.1f MiB of text); version 1 segments: %.2f (ratio %.2f)",
                                      Double(stored) / Double(postText), Double(stored) / 1_048_576, Double(postText) / 1_048_576,
                                      Double(versionOne) / Double(postText), Double(stored) / Double(versionOne)))
    }

    static func postTextBytes(_ change: SignedChange) -> Int {
        change.body.ops.reduce(0) { total, op in
            switch op {
            case .postCreate(let post): total + post.body.utf8.count
            case .threadCreate(let thread): total + thread.body.utf8.count
            default: total
            }
        }
    }

    static func bytes(under path: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
        var total = 0
        while let name = walker.nextObject() as? String {
            if let status = FileStatus(path: path + "/" + name), !status.isDirectory { total += Int(status.size) }
        }
        return total
    }

    /// Every word of the demo's threads and replies, each as often as the demo has it.
    static func demoWords() throws -> [Substring] {
        let content = try DemoContent(json: Array(EmbeddedResources.demoContent))
        let texts = content.threads.flatMap { [$0.title, $0.body] + $0.replies.map(\.body) }
        return texts.flatMap { $0.split(whereSeparator: \.isWhitespace) }
    }

    /// A reply of 20 to 60 words drawn from `words` by a generator seeded with its index.
    static func varied(_ index: Int, from words: [Substring]) -> String {
        var random = SplitMix64(seed: UInt64(index) &+ 1)
        let count = Int.random(in: 20...60, using: &random)
        return (0..<count).map { _ in words[Int.random(in: 0..<words.count, using: &random)] }.joined(separator: " ")
    }
}
