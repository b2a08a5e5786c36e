import Foundation

// Benchmarks, run by hand in a release build (CI runs each once on a tiny size, `--tiny`):
//   swift run -c release intersession-bench [apply] [import] [nothing-new] [many-files] [tui] [text] [--changes N] [--tiny]
// (nothing-new compares a folder of 1,000 changes with one of N; use --changes 1000000;
// many-files is a sync with nothing new over N changes in files of 4, against the lstat floor)
// Each scenario prints its figures beside the raw floor measured in the same run.

var arguments = Array(CommandLine.arguments.dropFirst())
var changes = 100_000
if let index = arguments.firstIndex(of: "--changes"), index + 1 < arguments.count, let count = Int(arguments[index + 1]) {
    changes = count
    arguments.removeSubrange(index...index + 1)
}
let tiny = arguments.contains("--tiny")
arguments.removeAll { $0 == "--tiny" }
if tiny { changes = min(changes, 200) }
let scenarios = arguments.isEmpty ? ["apply"] : arguments

for scenario in scenarios {
    switch scenario {
    case "apply": try ApplyBenchmark(changes: changes).run()
    case "import": try SyncBenchmark(changes: changes).runImport()
    case "nothing-new": try SyncBenchmark(changes: changes).runNothingNew(sizes: [min(1_000, changes), changes])
    case "many-files": try ManyFilesBenchmark(changes: changes).run()
    case "tui": try TUIBenchmark(posts: changes).run()
    case "text": try TextBenchmark(tiny: tiny).run()
    default:
        FileHandle.standardError.write(Data("unknown scenario \(scenario); known: apply, import, nothing-new, many-files, tui, text\n".utf8))
        exit(2)
    }
}
