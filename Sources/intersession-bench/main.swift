import Foundation

// Benchmarks, run by hand in a release build (CI runs each once on a tiny size, `--tiny`):
//   Scripts/release.sh && .build/release/intersession-bench [apply] [import] [nothing-new] [many-files] [tui] [text]
//       [sealed-import] [sealed-nothing-new] [rotation] [folder-bytes] [commands] [peer] [draft-open] [attachments] [remote]
//       [--changes N] [--feed-order first|last|both] [--tiny]
// (nothing-new compares a folder of 1,000 changes with one of N; use --changes 1000000;
// many-files is a sync with nothing new over N changes in files of 4, against the lstat floor;
// sealed-import is import in a sealed folder, against a floor that opens the files too;
// sealed-nothing-new runs at 1,000, 10,000, 100,000 and 1,000,000 changes, or up to N;
// rotation starts a new epoch for 500 member devices, or N with --changes;
// folder-bytes is the folder's bytes per byte of post text, over 10,000 replies or N;
// commands runs the release `intersession` beside this binary, and `sqlite3`, on homes of
// 1,000, 10,000, 100,000 and 1,000,000 changes, or up to N;
// import and sealed-import run with the threads' author's feed read first, then last, or as
// --feed-order says; peer is a fresh peer from a sealed folder of 10,000 and 100,000 posts
// (or N), against `fossil clone file://` of the same texts as wiki edits;
// draft-open opens a draft saved 10,000 times, or N with --changes, from its stored rows;
// attachments adds 20 files of 50 MiB (1 GiB) to a sealed group, syncs them to a second
// profile and saves them there, against cp in and out of a folder; --tiny: 3 files of 2 MiB;
// remote is a fresh peer from a bucket of 10,000 and 100,000 posts (or N) on moto_server, and a
// sync with nothing new: time, requests and bytes, against listing and getting every object)
// Each scenario prints its figures beside the raw floor measured in the same run.

var arguments = Array(CommandLine.arguments.dropFirst())
// The peer scenario's fresh peer, run by it in a process of its own.
if arguments.first == "peer-child" {
    try PeerBenchmark.child(arguments)
    exit(0)
}
var changes = 100_000
var changesGiven: Int?
if let index = arguments.firstIndex(of: "--changes"), index + 1 < arguments.count, let count = Int(arguments[index + 1]) {
    changes = count
    changesGiven = count
    arguments.removeSubrange(index...index + 1)
}
var orders: [PostWorkload.ThreadAuthor] = [.firstFolder, .lastFolder]
if let index = arguments.firstIndex(of: "--feed-order"), index + 1 < arguments.count {
    switch arguments[index + 1] {
    case "first": orders = [.firstFolder]
    case "last": orders = [.lastFolder]
    default: orders = [.firstFolder, .lastFolder]
    }
    arguments.removeSubrange(index...index + 1)
}
let tiny = arguments.contains("--tiny")
arguments.removeAll { $0 == "--tiny" }
if tiny { changes = min(changes, 200) }
let scenarios = arguments.isEmpty ? ["apply"] : arguments

/// The sizes of a flatness run: each power of ten from 1,000 up to `largest`, and `largest`.
func decades(upTo largest: Int) -> [Int] {
    Array(sequence(first: 1_000) { $0 * 10 }.prefix { $0 < largest }) + [largest]
}

for scenario in scenarios {
    switch scenario {
    case "apply": try ApplyBenchmark(changes: changes).run()
    case "import": try SyncBenchmark(changes: changes).runImport(orders: orders)
    case "nothing-new": try SyncBenchmark(changes: changes).runNothingNew(sizes: [min(1_000, changes), changes])
    case "many-files": try ManyFilesBenchmark(changes: changes).run()
    case "tui": try TUIBenchmark(posts: changes).run()
    case "text": try TextBenchmark(tiny: tiny).run()
    case "sealed-import": try SyncBenchmark(changes: changes, sealed: true).runImport(orders: orders)
    case "sealed-nothing-new":
        let sizes = tiny ? [20, changes] : decades(upTo: changesGiven ?? 1_000_000)
        try SyncBenchmark(changes: changes, sealed: true).runNothingNew(sizes: sizes)
    case "folder-bytes": try FolderBytesBenchmark(changes: tiny ? changes : changesGiven ?? 10_000).run()
    case "rotation": try RotationBenchmark(devices: tiny ? 20 : changesGiven ?? 500).run()
    case "commands": try CommandBenchmark(sizes: tiny ? [changes] : decades(upTo: changesGiven ?? 1_000_000), runs: tiny ? 3 : 15).run()
    case "peer": try PeerBenchmark(sizes: tiny ? [changes] : changesGiven.map { [$0] } ?? [10_000, 100_000], orders: orders).run()
    case "draft-open": try TextBenchmark(tiny: tiny).runDraftOpen(saves: tiny ? nil : changesGiven)
    case "attachments": try AttachmentBenchmark(tiny: tiny).run()
    case "remote": try RemoteBenchmark(sizes: tiny ? [changes] : changesGiven.map { [$0] } ?? [10_000, 100_000]).run()
    default:
        FileHandle.standardError.write(Data("""
            unknown scenario \(scenario); known: apply, import, nothing-new, many-files, tui, text, \
            sealed-import, sealed-nothing-new, rotation, folder-bytes, commands, peer, draft-open, attachments, remote

            """.utf8))
        exit(2)
    }
}
