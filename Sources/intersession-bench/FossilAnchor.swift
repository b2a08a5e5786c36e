import Crypto
import Foundation
import IntersessionCore

/// The anchor of a fresh peer: a Fossil repository holding the same texts as wiki edits (one
/// page per thread, each post an edit of its thread's page by its author), and the time of
/// `fossil clone file://` of it. The repository is built before any clock runs, from wiki
/// artifacts written as files (`fossil reconstruct`), which takes seconds where a
/// `fossil wiki commit` per text would take hours.
struct FossilAnchor {
    static let program = "/usr/bin/fossil"
    /// Fossil wants a user name; a bench run may have none in its environment.
    static let environment = ["USER": "bench"]

    let repository: String

    /// Builds `repository` from `texts`, in order: (page, author, text).
    static func build(_ texts: [(page: String, author: String, text: String)], in scratch: Scratch) throws -> FossilAnchor {
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw BenchmarkError("fossil is not installed (apt-get install fossil)")
        }
        let artifacts = scratch.path("fossil-artifacts")
        try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
        var heads: [String: String] = [:]
        var folders: Set<String> = []
        for (index, entry) in texts.enumerated() {
            let artifact = wikiArtifact(entry, at: index, parent: heads[entry.page])
            let hash = Insecure.SHA1.hash(data: artifact).map { String(format: "%02x", $0) }.joined()
            heads[entry.page] = hash
            // Fossil reads subdirectories too: 256 of them keep each one's listing short.
            let folder = artifacts + "/" + String(hash.prefix(2))
            if folders.insert(folder).inserted {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            try artifact.write(to: URL(fileURLWithPath: folder + "/" + hash))
        }
        let repository = scratch.path("anchor.fossil")
        _ = try ChildProcess.run([program, "reconstruct", repository, artifacts], environment: environment)
        try FileManager.default.removeItem(atPath: artifacts)
        return FossilAnchor(repository: repository)
    }

    private static let dateFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS"
        return formatter
    }()

    /// `fossil clone file://` of the repository into a new file, as a separate process.
    func clone(into path: String) throws -> ChildProcess {
        try ChildProcess.run([Self.program, "clone", "file://" + repository, path], environment: Self.environment)
    }

    /// A wiki edit as Fossil stores it: cards in order (D, L, P, U, W), then the MD5 of all before (Z).
    private static func wikiArtifact(_ entry: (page: String, author: String, text: String), at index: Int,
                                     parent: String?) -> Data {
        let stamp = dateFormatter.string(from: Date(timeIntervalSince1970: 1_790_000_000 + Double(index)))
        var cards = "D \(stamp)\nL \(entry.page)\n"
        if let parent { cards += "P \(parent)\n" }
        cards += "U \(entry.author)\nW \(entry.text.utf8.count)\n\(entry.text)\n"
        let sum = Insecure.MD5.hash(data: Data(cards.utf8)).map { String(format: "%02x", $0) }.joined()
        return Data((cards + "Z \(sum)\n").utf8)
    }

    /// The texts of `changes` as wiki edits: each thread a page, each post an edit of it.
    static func texts(of changes: [SignedChange]) -> [(page: String, author: String, text: String)] {
        var texts: [(page: String, author: String, text: String)] = []
        for change in changes {
            for (index, op) in change.body.ops.enumerated() {
                let author = "d" + String(change.author.hex.prefix(12))
                switch op {
                case .threadCreate(let thread):
                    texts.append(("T" + String(change.entity(index).hex.prefix(16)), author, thread.body))
                case .postCreate(let post):
                    texts.append(("T" + String(post.thread.hex.prefix(16)), author, post.body))
                default: continue
                }
            }
        }
        return texts
    }
}
