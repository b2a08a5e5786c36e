import Foundation
import IntersessionCore
import IntersessionStore

/// Writes runs of one feed's changes into a feed folder under free names. The name a run wants
/// may be held by a file that is not exactly the bytes it would write (squatted, damaged,
/// another variant, a half-copied file): that file is never overwritten, and the run goes
/// under another name instead (its range extended back or forward over changes held, or
/// split), so that what no good file covers is always written somewhere; the report says so.
struct SegmentPlacement {
    let store: AppDatabase
    let folder: GroupFolder
    let feed: FeedID
    /// Every change of the feed up to this seq is applied here, and so can be written.
    let head: Int64
    /// The feed is this profile's own.
    let own: Bool
    /// The files written (or found holding exactly what would be written), to remember.
    var written: [SeenFile] = []

    /// How far a range is extended back or forward looking for a free name, and how many times
    /// it is split after that.
    static let reach: Int64 = 8
    static let splits = 6

    private enum Placed {
        case done([String])
        /// The wanted name's file may be a copy in progress: tried again next sync.
        case busy
        case failed
    }

    private enum Occupant { case free, same, copying, other }

    mutating func place(_ range: ClosedRange<Int64>, into report: inout SyncReport) throws {
        let wanted = path(range)
        switch try place(range, depth: 0, into: &report) {
        case .done(let paths) where paths == [wanted]: break
        case .done(let paths): report.takenNames.append(.init(path: wanted, wroteInstead: paths, ownFeed: own))
        case .busy: break
        case .failed: report.takenNames.append(.init(path: wanted, wroteInstead: [], ownFeed: own))
        }
    }

    private mutating func place(_ range: ClosedRange<Int64>, depth: Int, into report: inout SyncReport) throws -> Placed {
        for (index, candidate) in candidates(for: range).enumerated() {
            let changes = try store.changes(of: feed, in: candidate)
            guard changes.count == candidate.count else { continue }
            let contents = SegmentFormat.encode(changes, group: folder.group)
            let path = path(candidate)
            switch occupant(of: path, expecting: contents) {
            case .free:
                let bytes = try folder.sealing?.seal(contents) ?? contents
                try folder.makeDirectory(folder.feedPath(feed))
                try folder.write(bytes, to: path)
                report.exportedChanges += changes.count
                report.exportedFiles += 1
                remember(path, candidate)
                return .done([path])
            case .same:
                remember(path, candidate)
                return .done([path])
            case .copying where index == 0 && depth == 0:
                return .busy
            case .copying, .other:
                continue
            }
        }
        guard range.count > 1, depth < Self.splits else { return .failed }
        let middle = range.lowerBound + Int64(range.count) / 2 - 1
        let lower = try place(range.lowerBound...middle, depth: depth + 1, into: &report)
        let upper = try place((middle + 1)...range.upperBound, depth: depth + 1, into: &report)
        guard case .done(let first) = lower, case .done(let second) = upper else { return .failed }
        return .done(first + second)
    }

    /// The range itself, then extended back, then forward, over changes this replica holds.
    private func candidates(for range: ClosedRange<Int64>) -> [ClosedRange<Int64>] {
        var candidates = [range]
        for back in 1...Self.reach where range.lowerBound - back >= 1 {
            candidates.append((range.lowerBound - back)...range.upperBound)
        }
        for forward in 1...Self.reach where range.upperBound + forward <= head {
            candidates.append(range.lowerBound...(range.upperBound + forward))
        }
        return candidates
    }

    /// Who holds a name. A sealed file holding exactly `contents`, under any epoch this device
    /// holds, is the same: nothing new is written under an old epoch, and nothing twice.
    private func occupant(of path: String, expecting contents: [UInt8]) -> Occupant {
        guard let status = FileStatus(path: path) else { return .free }
        guard !status.isDirectory, let existing = try? folder.read(path, limit: SegmentFormat.maximumFileBytes) else { return .other }
        if let opened = folder.openedContents(existing), SegmentFormat.sameLines(opened, contents) { return .same }
        guard FolderImport.isFresh(status) else { return .other }
        do {
            _ = try folder.decodeSegment(existing, feed: feed, name: nil)
            return .other
        } catch .incomplete {
            return .copying
        } catch {
            return .other
        }
    }

    func path(_ range: ClosedRange<Int64>) -> String {
        folder.segmentPath(feed, SegmentName(firstSeq: range.lowerBound, lastSeq: range.upperBound)!)
    }

    mutating func remember(_ path: String, _ range: ClosedRange<Int64>) {
        guard let status = FileStatus(path: path) else { return }
        written.append(SeenFile(feed: feed.hex, name: (path as NSString).lastPathComponent,
                                range: SeqRange(first: range.lowerBound, last: range.upperBound),
                                size: status.size, mtime: status.mtime, covers: true))
    }
}
