import Foundation
import IntersessionCore
import IntersessionStore

/// Writes into one group folder every applied change that no good segment there holds yet:
/// this profile's feed and every feed it relays. Files are never rewritten: each writer adds
/// new ones, so the folder has no write conflicts.
struct FolderExport {
    let store: AppDatabase
    let folder: GroupFolder

    func run(into report: inout SyncReport) throws {
        try Files.makeDirectory(folder.feedsPath)
        if FileStatus(path: folder.groupFile) == nil, let genesis = try store.genesis() {
            try AtomicFile.write(SegmentFormat.encode([genesis], group: folder.group), to: folder.groupFile)
        }
        let seen = try store.seenSegments(folder.root)
        for (feed, progress) in try store.feedProgress().sorted(by: { $0.key < $1.key }) where progress.head > 0 {
            let gaps = Self.gaps(in: 1...progress.head, covered: seen[feed.hex] ?? [])
            var written: [SeqRange] = []
            for gap in gaps {
                for chunk in try chunks(of: feed, in: gap) {
                    let name = SegmentName(firstSeq: chunk.first!.seq, lastSeq: chunk.last!.seq)!
                    let path = folder.segmentPath(feed, name)
                    try Files.makeDirectory(folder.feedPath(feed))
                    let bytes = SegmentFormat.encode(chunk, group: folder.group)
                    if FileStatus(path: path) == nil {
                        try AtomicFile.write(bytes, to: path)
                        report.exportedChanges += chunk.count
                        report.exportedFiles += 1
                    } else if (try? Files.read(path, limit: SegmentFormat.maximumFileBytes)) != bytes {
                        // Someone's file of that name is still being copied, or damaged: never
                        // overwrite another writer's file; import reads or reports it.
                        continue
                    }
                    written.append(SeqRange(first: name.firstSeq, last: name.lastSeq))
                }
            }
            try store.markSeen(folder.root, feed: feed.hex, ranges: written)
        }
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

    /// The changes of a gap, cut into files of bounded count and size.
    private func chunks(of feed: FeedID, in gap: ClosedRange<Int64>) throws -> [[SignedChange]] {
        var chunks: [[SignedChange]] = []
        var start = gap.lowerBound
        while start <= gap.upperBound {
            let end = min(gap.upperBound, start + Int64(SegmentFormat.changesPerFile) - 1)
            var current: [SignedChange] = []
            var bytes = 0
            for change in try store.changes(of: feed, in: start...end) {
                if !current.isEmpty, bytes + change.bytes.count > SegmentFormat.bytesPerFile {
                    chunks.append(current)
                    current = []
                    bytes = 0
                }
                current.append(change)
                bytes += change.bytes.count + 100
            }
            if !current.isEmpty { chunks.append(current) }
            start = end + 1
        }
        return chunks
    }
}
