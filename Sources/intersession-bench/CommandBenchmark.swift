import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// Issue 14's command figures: homes of 1,000 to 1,000,000 changes in a sealed folder (a
/// delegate's profile, every change received from the folder), each command run by the
/// `intersession` binary beside this one, against the same query in the `sqlite3` CLI run on
/// the same store: listings within 2× it; `whoami`, `topics` and a sync with nothing new under
/// 10 ms, flat from the smallest home to the largest.
struct CommandBenchmark {
    let sizes: [Int]
    let runs: Int

    /// One command and its anchor: the query it runs, as the `sqlite3` CLI runs it.
    struct Case {
        let name: String
        let arguments: [String]
        let anchor: String
        /// A goal in milliseconds, or nil for "within 2× the anchor".
        let goal: Double?
    }

    func run() throws {
        let binary = try Self.tool(beside: "intersession", build: "Scripts/release.sh --product intersession")
        let sqlite = try Self.tool(onPath: "sqlite3")
        print("commands: \(binary) against \(sqlite), median of \(runs) runs each")
        var flat: [String: [Double]] = [:], flatCPU: [String: [Double]] = [:]
        for size in sizes {
            let home = try CommandHome(changes: size)
            print(String(format: "  %d changes (%d threads, %.0f s to make):", home.changes, home.threads, home.seconds))
            for test in home.cases() {
                let ours = try Self.medians(runs) { try Self.timed(binary, test.arguments + ["--home", home.path]) }
                let anchor = try Self.medians(runs) { try Self.timed(sqlite, ["-readonly", home.storePath, test.anchor]) }
                let goal = test.goal.map { String(format: "goal < %.0f ms", $0) } ?? "goal ratio <= 2"
                let name = test.name.padding(toLength: 24, withPad: " ", startingAt: 0)
                print("    " + name + String(format: "%8.2f ms   sqlite3 %7.2f ms   ratio %5.2f   (%@)", ours.wall, anchor.wall, ours.wall / anchor.wall, goal)
                      + String(format: "   cpu %6.2f / %5.2f ms, ratio %5.2f", ours.cpu, anchor.cpu, ours.cpu / anchor.cpu))
                if test.goal != nil {
                    flat[test.name, default: []].append(ours.wall)
                    flatCPU[test.name, default: []].append(ours.cpu)
                }
            }
        }
        guard sizes.count > 1 else { return }
        for (name, medians) in flat.sorted(by: { $0.key < $1.key }) {
            let cpu = flatCPU[name] ?? medians
            print(String(format: "  flatness of %@: the largest home's median is %.2f× the smallest's (cpu %.2f×)", name,
                         medians.last! / medians.first!, cpu.last! / cpu.first!))
        }
    }

    /// The median wall time and the median CPU time (user + system) of `count` runs: the CPU
    /// time says what a run costs when other work on the machine makes the wall time swing.
    static func medians(_ count: Int, _ measure: () throws -> (wall: Double, cpu: Double)) throws -> (wall: Double, cpu: Double) {
        let times = try (0..<max(1, count)).map { _ in try measure() }
        let walls = times.map(\.wall).sorted(), cpus = times.map(\.cpu).sorted()
        return (walls[walls.count / 2], cpus[cpus.count / 2])
    }

    /// Runs `path` with `arguments`, output discarded, and returns its wall time and its CPU
    /// time (user + system), in milliseconds.
    static func timed(_ path: String, _ arguments: [String]) throws -> (wall: Double, cpu: Double) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let start = DispatchTime.now()
        guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else { throw BenchmarkError("cannot run \(path)") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let elapsed = ApplyBenchmark.seconds(since: start) * 1000
        guard status == 0 else {
            throw BenchmarkError("\(path) \(arguments.joined(separator: " ")) ended with status \(status >> 8)")
        }
        let cpu = { (time: timeval) in Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
        return (elapsed, cpu(usage.ru_utime) + cpu(usage.ru_stime))
    }

    /// What the commands run with: a pinned time zone and language, nothing else of this shell.
    static let environment = ["PATH=/usr/bin:/bin", "TZ=UTC", "LANG=C.UTF-8", "HOME=" + NSHomeDirectory()]

    /// A tool built with this benchmark, in the same folder.
    static func tool(beside name: String, build: String) throws -> String {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let path = folder.appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchmarkError("no \(name) binary beside the benchmark, at \(path): build it first (\(build))")
        }
        return path
    }

    static func tool(onPath name: String) throws -> String {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw BenchmarkError("no \(name) on the PATH: install it (apt-get install \(name)); it is the anchor of this benchmark")
    }
}

/// A delegate's profile whose store received `changes` changes from a sealed folder, sync by
/// sync as they arrived, with the folder remembered: what `intersession` finds on a laptop.
final class CommandHome {
    let scratch: Scratch
    let changes: Int
    let threads: Int
    let seconds: Double
    let path: String
    let storePath: String
    let topicKey: String
    let topicID: String
    let threadID: String
    let me: FeedID

    init(changes wanted: Int) throws {
        let start = DispatchTime.now()
        scratch = try Scratch()
        threads = max(4, wanted / 50)
        var workload = try PostWorkload(threads: threads, sealed: true)
        me = workload.delegates[0].feed
        path = scratch.path("home")
        let home = ProfileHome(folder: URL(fileURLWithPath: path))
        _ = try home.create(key: workload.delegates[0])
        storePath = home.storeURL.path
        let store = try home.createStore()
        try store.apply([workload.setup[0]])
        if let epoch = workload.epoch { try store.holdEpochKeys([epoch.id.hex: epoch.key]) }
        let folder = GroupFolder(root: scratch.path("shared"), group: workload.groupID, sealing: workload.sealing)
        try RememberedFolders(store: store).add([folder.root])
        try SegmentWriter.write(workload.setup, to: folder)
        let engine = SyncEngine(store: store)
        _ = try engine.sync(folders: [folder.root])
        let posts = max(0, wanted - workload.setup.count)
        var made = 0
        while made < posts {
            let batch = workload.posts(min(20_000, posts - made))
            try SegmentWriter.write(batch, to: folder)
            made += batch.count
            _ = try engine.sync(folders: [folder.root])
        }
        changes = workload.setup.count + posts
        let listed = try store.threads(topic: nil)
        guard let thread = listed.first, let topic = try store.topics().first(where: { $0.id == thread.topic }) else {
            throw BenchmarkError("the home has no thread")
        }
        (threadID, topicID, topicKey) = (thread.id, topic.id, topic.key)
        Thread.sleep(forTimeInterval: 3.5)  // let the folder's times settle, as a quiet sync then sees them
        _ = try engine.sync(folders: [folder.root])
        let quiet = try engine.sync(folders: [folder.root])
        guard !quiet.changedSomething else { throw BenchmarkError("a quiet sync changed something: \(quiet.summary)") }
        seconds = ApplyBenchmark.seconds(since: start)
    }

    func cases() -> [CommandBenchmark.Case] {
        let quoted = { (text: String) in "'" + text + "'" }
        return [
            .init(name: "whoami", arguments: ["whoami"], anchor: ListingSQL.groupSummary, goal: 10),
            .init(name: "topics", arguments: ["topics"], anchor: ListingSQL.topics, goal: 10),
            .init(name: "sync (nothing new)", arguments: ["sync"],
                  anchor: "SELECT value FROM setting WHERE key = 'sync.folders'", goal: 10),
            .init(name: "threads (all)", arguments: ["threads"], anchor: ListingSQL.threads(inTopic: false), goal: nil),
            .init(name: "threads " + topicKey, arguments: ["threads", topicKey],
                  anchor: ListingSQL.threads(inTopic: true).replacingOccurrences(of: ":topic", with: quoted(topicID)), goal: nil),
            .init(name: "show (50 posts)", arguments: ["show", String(threadID.prefix(8)), "--keep-unread"],
                  anchor: ListingSQL.threadPosts.replacingOccurrences(of: ":thread", with: quoted(threadID)), goal: nil),
            .init(name: "members", arguments: ["members"], anchor: ListingSQL.members(), goal: nil),
        ]
    }
}
