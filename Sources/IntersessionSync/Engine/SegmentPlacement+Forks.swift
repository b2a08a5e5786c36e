import Foundation
import IntersessionCore
import IntersessionStore

/// A forked feed's variants at its fork point, published so that every replica that sees the
/// folder freezes the feed at the same seq (DESIGN §4): the change this replica logged there
/// with the changes of its chain held after it, and each other variant kept as evidence. The
/// fork's own name is held by one variant's file, so the others go under names whose range
/// starts at the fork or reaches back over the agreed changes before it.
extension SegmentPlacement {
    mutating func publishVariants(frozenFrom fork: Int64, into report: inout SyncReport) throws {
        var runs: [[SignedChange]] = []
        let logged = try store.changes(of: feed, in: fork...(fork + Int64(SegmentFormat.changesPerFile) - 1))
        let chain = Self.linkedRun(logged, from: fork)
        if !chain.isEmpty { runs.append(chain) }
        for variant in try store.forkEvidence(of: feed) where variant.seq == fork { runs.append([variant]) }
        for run in runs { try publish(run, into: &report) }
    }

    /// The logged changes from `seq` on, as long as each links to the one before.
    static func linkedRun(_ changes: [SignedChange], from seq: Int64) -> [SignedChange] {
        var run: [SignedChange] = []
        for change in changes {
            guard change.seq == seq + Int64(run.count), run.last.map({ change.body.prev == $0.hash }) ?? true else { break }
            run.append(change)
        }
        return run
    }

    private mutating func publish(_ run: [SignedChange], into report: inout SyncReport) throws {
        let fork = run[0].seq
        var free: (path: String, bytes: [UInt8], first: Int64)?
        for start in stride(from: fork, through: max(1, fork - Self.reach), by: -1) {
            guard let name = SegmentName(firstSeq: start, lastSeq: run.last!.seq) else { continue }
            let path = folder.segmentPath(feed, name)
            if FileStatus(path: path) != nil {
                if holds(run[0], at: path, name: name) { return }
                continue
            }
            guard free == nil else { continue }
            let before = start < fork ? try store.changes(of: feed, in: start...(fork - 1)) : []
            guard before.count == Int(fork - start), before.last.map({ $0.hash == run[0].body.prev }) ?? true else { continue }
            free = (path, try folder.encodeSegment(before + run), start)
        }
        guard let free else {
            report.takenNames.append(.init(path: path(fork...run.last!.seq), wroteInstead: [], ownFeed: own))
            return
        }
        try folder.makeDirectory(folder.feedPath(feed))
        try folder.write(free.bytes, to: free.path)
        report.exportedFiles += 1
        report.publishedVariants += 1
        remember(free.path, free.first...run.last!.seq)
    }

    private func holds(_ change: SignedChange, at path: String, name: SegmentName) -> Bool {
        guard let bytes = try? folder.read(path, limit: SegmentFormat.maximumFileBytes),
            let decoded = try? folder.decodeSegment(bytes, feed: feed, name: name)
        else { return false }
        return decoded.changes.contains { $0.hash == change.hash }
    }
}
