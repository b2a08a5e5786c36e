import Foundation

/// A program run to its end as a child of the benchmark, timed from spawn to exit, with its
/// own peak resident memory. The peak is GNU time's (`/usr/bin/time`, which forks from its
/// own small process): a child spawned straight from the benchmark would report the
/// benchmark's own peak, which Linux carries over an exec from a vfork.
struct ChildProcess {
    static let time = "/usr/bin/time"
    let seconds: Double
    let peakMiB: Double
    /// User plus system CPU seconds, as GNU time counts them: on a shared machine the figure
    /// that load does not swell, for a program that runs on one thread.
    let cpuSeconds: Double
    let output: String

    /// Runs `command` (the first is the program's absolute path) with `environment` added to
    /// the benchmark's own; its standard error goes to ours, its standard output is kept.
    static func run(_ command: [String], environment extra: [String: String] = [:]) throws -> ChildProcess {
        guard FileManager.default.isExecutableFile(atPath: time) else { throw BenchmarkError("GNU time is not installed (apt-get install time)") }
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("bench-child-\(UUID().uuidString)").path
        let peakPath = outputPath + ".peak"
        defer { [outputPath, peakPath].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        let arguments = [time, "-f", "%M %U %S", "-o", peakPath] + command
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var pid: pid_t = 0
        let start = DispatchTime.now()
        let spawned = posix_spawn(&pid, time, &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchmarkError("cannot run \(command[0]): error \(spawned)") }
        var status: Int32 = 0
        guard waitpid(pid, &status, 0) == pid else { throw BenchmarkError("lost the child \(command[0])") }
        let seconds = ApplyBenchmark.seconds(since: start)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // A normal exit with status 0: the low 7 bits (the signal) and the exit code are all zero.
        guard status == 0 else { throw BenchmarkError("\(command.joined(separator: " ")) failed (\(status)): \(output)") }
        let figures = (try? String(contentsOfFile: peakPath, encoding: .utf8))?.split(separator: "\n").last?
            .split(separator: " ").compactMap { Double($0) } ?? []
        guard figures.count == 3 else { throw BenchmarkError("GNU time gave no peak memory and CPU time for \(command[0])") }
        return ChildProcess(seconds: seconds, peakMiB: figures[0] / 1024, cpuSeconds: figures[1] + figures[2], output: output)
    }

    /// This benchmark's own executable, to run a scenario's part in a process of its own.
    static var benchmarkExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
