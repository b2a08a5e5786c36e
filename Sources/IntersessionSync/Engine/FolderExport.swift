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
        try folder.makeDirectory(folder.feedsPath)
        if FileStatus(path: folder.groupFile) == nil, let genesis = try store.genesis() {
            try folder.write(SegmentFormat.encode([genesis], group: folder.group), to: folder.groupFile)
        }
        let seen = try store.seenSegments(folder.root)
        for (feed, progress) in try store.feedProgress().sorted(by: { $0.key < $1.key }) where progress.head > 0 {
            let gaps = Self.gaps(in: 1...progress.head, covered: seen[feed.hex] ?? [])
            var written: [SeqRange] = []
            for gap in gaps {
                for chunk in try chunks(of: feed, in: gap) {
                    let name = SegmentName(firstSeq: chunk.first!.seq, lastSeq: chunk.last!.seq)!
                    let path = folder.segmentPath(feed, name)
                    try folder.makeDirectory(folder.feedPath(feed))
                    let bytes = SegmentFormat.encode(chunk, group: folder.group)
                    if FileStatus(path: path) == nil {
                        try folder.write(bytes, to: path)
                        report.exportedChanges += chunk.count
                        report.exportedFiles += 1
                    } else if (try? folder.read(path, limit: SegmentFormat.maximumFileBytes)) != bytes {
                        // Someone's file of that name is still being copied, or damaged: never
                        // overwrite another writer's file; import reads or reports it.
                        continue
                    }
                    written.append(SeqRange(first: name.firstSeq, last: name.lastSeq))
                }
            }
            try store.markSeen(folder.root, feed: feed.hex, ranges: written)
            if progress.frozenFrom != nil { try relayForks(of: feed, into: &report) }
        }
    }

    /// Writes each fork's second change with the changes just before it, under a range no file
    /// uses yet (the fork's own seq is taken by the first change's file), so that replicas that
    /// only see this folder learn of the fork too. A fork at seq 1 has no such range.
    private func relayForks(of feed: FeedID, into report: inout SyncReport) throws {
        for variant in try store.forkEvidence(of: feed) where variant.seq > 1 {
            for start in stride(from: variant.seq - 1, through: max(1, variant.seq - 8), by: -1) {
                guard let name = SegmentName(firstSeq: start, lastSeq: variant.seq) else { continue }
                let path = folder.segmentPath(feed, name)
                if FileStatus(path: path) != nil {
                    if holds(variant, at: path, feed: feed, name: name) { break }
                    continue
                }
                let before = try store.changes(of: feed, in: start...(variant.seq - 1))
                guard before.count == Int(variant.seq - start), before.last?.hash == variant.body.prev else { break }
                try folder.write(SegmentFormat.encode(before + [variant], group: folder.group), to: path)
                report.exportedFiles += 1
                break
            }
        }
    }

    private func holds(_ change: SignedChange, at path: String, feed: FeedID, name: SegmentName) -> Bool {
        guard let bytes = try? folder.read(path, limit: SegmentFormat.maximumFileBytes),
            let decoded = try? SegmentFormat.decode(bytes, group: folder.group, feed: feed, name: name)
        else { return false }
        return decoded.changes.last?.hash == change.hash
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
