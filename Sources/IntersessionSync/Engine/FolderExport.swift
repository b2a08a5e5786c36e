import Foundation
import IntersessionCore
import IntersessionStore

/// Writes into one group folder every applied change that no good file there holds: this
/// profile's feed and every feed it relays, under free names (a name another file holds is
/// written around, never over). A forked feed's variants are published too, so that every
/// replica seeing the folder freezes it at the same seq. Files are never rewritten: each
/// writer adds new ones, so the folder has no write conflicts.
struct FolderExport {
    let store: AppDatabase
    let folder: GroupFolder
    var own: FeedID?

    func run(into report: inout SyncReport) throws {
        try folder.makeDirectory(folder.feedsPath)
        if FileStatus(path: folder.groupFile) == nil, let genesis = try store.genesis() {
            try folder.write(try Self.groupFile(genesis, in: folder), to: folder.groupFile)
        }
        if let sealing = folder.sealing {
            try KeyFileExchange(store: store, folder: folder, device: nil).write(into: &report)
            // Nothing is written under an older epoch than the current one.
            guard sealing.current != nil else {
                return report.problems.append(.init(path: folder.path, reason: "\(FolderError.noCurrentKey)"))
            }
        }
        // A feed the folder held whole up to the same head at the last export is not looked at
        // again: the files it was held by are looked at on each sync (`SeenFileCheck`), and
        // forgetting one forgets this.
        let exported = try store.exportedHeads(folder.root)
        var seen: [String: Set<SeqRange>]?
        var whole: [String: Int64] = [:]
        for (feed, progress) in try store.feedProgress().sorted(by: { $0.key < $1.key }) where progress.head > 0 || progress.frozenFrom != nil {
            if progress.frozenFrom == nil, exported[feed.hex] == progress.head { continue }
            if seen == nil { seen = try store.seenSegments(folder.root) }
            var placement = SegmentPlacement(store: store, folder: folder, feed: feed, head: progress.head, own: feed == own)
            let covered = seen?[feed.hex] ?? []
            if progress.head > 0 {
                for gap in Self.gaps(in: 1...progress.head, covered: covered) {
                    for chunk in try chunks(of: feed, in: gap) { try placement.place(chunk, into: &report) }
                }
            }
            if let frozenFrom = progress.frozenFrom { try placement.publishVariants(frozenFrom: frozenFrom, into: &report) }
            try store.rememberFiles(folder.root, placement.written)
            let held = covered.union(placement.written.filter(\.covers).map(\.range))
            if progress.frozenFrom == nil, progress.head > 0, Self.gaps(in: 1...progress.head, covered: held).isEmpty {
                whole[feed.hex] = progress.head
            }
        }
        try store.rememberExportedHeads(folder.root, whole)
    }

    /// The GROUP file: the genesis as a one-change segment, sealed under the names' key in a
    /// sealed folder (every holder of the genesis opens it).
    static func groupFile(_ genesis: SignedChange, in folder: GroupFolder) throws -> [UInt8] {
        let bytes = SegmentFormat.encode([genesis], group: folder.group)
        guard let names = folder.sealing?.names else { return bytes }
        return try SealedFile.seal(bytes, under: names.groupFileKey)
    }

    /// The seqs of `wanted` that no range in `covered` holds.
    static func gaps(in wanted: ClosedRange<Int64>, covered: Set<SeqRange>) -> [ClosedRange<Int64>] {
        var gaps: [ClosedRange<Int64>] = []
        var next = wanted.lowerBound
        for range in covered.sorted() where range.last >= next {
            if range.first > next { gaps.append(next...min(range.first - 1, wanted.upperBound)) }
            next = max(next, range.last + 1)
            if next > wanted.upperBound { return gaps }
        }
        if next <= wanted.upperBound { gaps.append(next...wanted.upperBound) }
        return gaps
    }

    /// The seqs of a gap, cut into files of bounded count and size.
    private func chunks(of feed: FeedID, in gap: ClosedRange<Int64>) throws -> [ClosedRange<Int64>] {
        var chunks: [ClosedRange<Int64>] = []
        var start = gap.lowerBound
        while start <= gap.upperBound {
            let end = min(gap.upperBound, start + Int64(SegmentFormat.changesPerFile) - 1)
            var first: Int64?
            var last: Int64 = 0
            var bytes = 0
            for change in try store.changes(of: feed, in: start...end) {
                if let current = first, bytes + change.bytes.count > SegmentFormat.bytesPerFile {
                    chunks.append(current...last)
                    first = nil
                    bytes = 0
                }
                if first == nil { first = change.seq }
                last = change.seq
                bytes += change.bytes.count + 100
            }
            if let first { chunks.append(first...last) }
            start = end + 1
        }
        return chunks
    }
}
