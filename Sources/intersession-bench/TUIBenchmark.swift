import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionTUI

/// Issues 4 and 14's figures: on a store of 100,000 posts, 50 a thread (a sealed group, as
/// `init` makes), the time to the first frame, and from each key of a scripted reading session
/// of 1,000 keys to its frame, against the goals (first frame under 100 ms, every key under 16).
struct TUIBenchmark {
    let posts: Int

    static let postsPerThread = 50

    func run() throws {
        let threads = max(4, posts / Self.postsPerThread)
        print("tui: making a store of \(posts) posts in \(threads) threads…")
        let scratch = try Scratch()
        var workload = try PostWorkload(threads: threads, sealed: true)
        let home = ProfileHome(folder: URL(fileURLWithPath: scratch.path("home")))
        _ = try home.create(key: workload.founder)
        // Made, then closed (its log checkpointed), as a store is when the interface starts.
        do {
            let store = try home.createStore()
            try store.apply(workload.setup)
            if let epoch = workload.epoch { try store.holdEpochKeys([epoch.id.hex: epoch.key]) }
            var made = 0
            while made < posts {
                let batch = workload.posts(min(20_000, posts - made))
                try store.apply(batch)
                made += batch.count
            }
        }
        let store = try home.openStore(readOnly: true)

        func time(_ label: String, _ work: () throws -> Void) rethrows {
            let start = DispatchTime.now()
            try work()
            print(String(format: "  %@: %.1f ms", label, ApplyBenchmark.seconds(since: start) * 1000))
        }
        if ProcessInfo.processInfo.environment["TUI_QUERIES"] == "1" {
            let topic = try store.topics()[0].id
            try time("topics()") { _ = try store.topics() }
            try time("threads(topic)") { _ = try store.threads(topic: topic) }
            let thread = try store.threads(topic: topic)[0].id
            try time("thread(id)") { _ = try store.thread(thread) }
            try time("firstUnread") { _ = try store.firstUnread(outside: nil) }
            try time("groupSummary") { _ = try store.groupSummary() }
        }
        let before = Memory.residentMiB()
        let start = DispatchTime.now()
        let session = try Session.open(home)
        let terminal = NullTerminal(width: 120, height: 40)
        let model = Model(language: .en, plain: false, width: 120, height: 40, now: Int64(Date().timeIntervalSince1970 * 1000),
                          me: session.key.feed.hex, groupTitle: session.groupTitles.text(in: .en), start: .topics(ListState()))
        let runtime = Runtime(terminal: terminal, model: model, session: session, home: home,
                              demoFolder: URL(fileURLWithPath: scratch.path("demo")), environment: [:])
        runtime.start()
        let firstFrame = ApplyBenchmark.seconds(since: start) * 1000

        var times: [(ms: Double, key: Key, screen: String)] = []
        for scripted in Self.script(count: 1_000) {
            // Back from the topics would quit (a topic without threads opens nothing to go back from).
            let key = scripted == .escape && runtime.model.screens.count == 1 ? .up : scripted
            let keyStart = DispatchTime.now()
            runtime.dispatch(.key(key))
            // Key to frame with its data: the loads it started (on the effect thread) answered.
            runtime.settle()
            runtime.draw()
            times.append((ApplyBenchmark.seconds(since: keyStart) * 1000, key, Self.name(of: runtime.model.screen)))
        }
        guard !runtime.model.quitting else { throw BenchmarkError("the scripted session went back past the topics and quit") }
        let sorted = times.sorted { $0.ms < $1.ms }
        let worst = sorted.last!
        print(String(format: "  first frame after start: %.1f ms (goal < 100)", firstFrame))
        print(String(format: "  key to frame over %d keys: median %.2f ms, 99th %.2f ms, worst %.2f ms (goal < 16)",
                     sorted.count, sorted[sorted.count / 2].ms, sorted[sorted.count * 99 / 100].ms, worst.ms))
        print("  the worst key: \(worst.key.name), which led to the \(worst.screen) screen")
        let byKey = Dictionary(grouping: times) { "\($0.key.name) to \($0.screen)" }
        print("  by key and screen (count, median, worst ms): " + byKey.sorted { $0.key < $1.key }.map { name, group in
            let sorted = group.map(\.ms).sorted()
            return String(format: "%@ %d %.2f %.2f", name, sorted.count, sorted[sorted.count / 2], sorted.last!)
        }.joined(separator: "; "))
        print(String(format: "  resident memory: %.0f MiB before opening, %.0f MiB after the session", before, Memory.residentMiB()))
    }

    static func name(of screen: Screen) -> String {
        switch screen {
        case .topics: "topics"
        case .threads: "threads"
        case .thread: "thread"
        default: "other"
        }
    }

    /// A reading session: into a topic, down its threads, into a thread, down its posts and
    /// scrolling the one being read, next-unread, back out, a page further, across topics.
    static func script(count: Int) -> [Key] {
        var keys: [Key] = []
        let round: [Key] = [.enter] + Array(repeating: .down, count: 5) + [.enter] + Array(repeating: .down, count: 20)
            + [.tab, .pageDown, .down, .down, .tab, .character("n"), .character("n"), .up, .escape, .escape, .pageDown, .up,
               .enter, .character("G"), .character("g"), .pageDown, .enter] + Array(repeating: .down, count: 10)
            + [.escape, .escape, .down]
        while keys.count < count { keys += round }
        return Array(keys.prefix(count))
    }
}

/// A terminal that shows nothing: the benchmark measures update, effects and view.
final class NullTerminal: Terminal {
    let width: Int
    let height: Int
    private(set) var frames = 0

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) { frames += 1 }
    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? { nil }
    func suspend() {}
    func resume() {}
    func shutdown() {}
}
