import Foundation
import IntersessionCore
import IntersessionStore

/// One feed folder's files as a stream of what reading them comes to, in file order: each file
/// opened (its size checked, unsealed, framed), then its changes inflated, decoded and chained.
/// Whoever gets there first does the reading: the `ReadAhead` worker, or the merge itself when
/// it wants the stream's next event before the worker has reached it. Either way the events, and
/// so the merge's order, are the same; only the thread differs.
///
/// The reading side (`files`, `run`, `path`, `seen`) is touched only by the one holding `busy`;
/// the queue and the flags only under the read-ahead's lock.
final class FeedStream: @unchecked Sendable {
    enum Event {
        /// A file opened for reading; its changes follow.
        case began(path: String)
        /// A file opened that gives no changes, and why (`SegmentOpening`'s other cases).
        case opened(path: String, SegmentOpening)
        /// A change, and the file it completes when it is that file's last.
        case change(SignedChange, completes: SeenFile?)
        /// The file being read failed midway: the merge throws, and nothing more is read.
        case failed(CausalMerge.Failure)
    }

    let name: String
    let feed: FeedID?
    private let folder: GroupFolder
    private let reported: Set<String>
    private let shared: ReadAhead.Shared

    private var files: ArraySlice<SegmentName>
    private var run: SegmentRun?
    private var path = ""
    private var seen: SeenFile?

    private(set) var queue: [Event] = []
    private var queueStart = 0
    var busy = false
    private(set) var finished = false

    init(_ plan: FeedPlan, folder: GroupFolder, reported: Set<String>, shared: ReadAhead.Shared) {
        name = plan.name
        feed = plan.feed
        files = plan.files[...]
        self.folder = folder
        self.reported = reported
        self.shared = shared
    }

    /// Events waiting to be taken (under the lock).
    var waiting: Int { queue.count - queueStart }

    /// Whether nothing is left to read or take (under the lock: it never waits).
    var isDrained: Bool {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        return finished && waiting == 0
    }

    /// The stream's next event, nil once every file is read and taken. Waits for the worker
    /// when it is reading this feed, else reads a little itself.
    func next() -> Event? {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        while true {
            if waiting > 0 { return pop() }
            if finished { return nil }
            if busy {
                shared.mergeWaiting = true
                shared.condition.wait()
                shared.mergeWaiting = false
                continue
            }
            busy = true
            shared.condition.unlock()
            let (events, done) = read(upTo: ReadAhead.stealChunk)
            shared.condition.lock()
            deliver(events, finished: done)
        }
    }

    /// Appends what a reading gave and frees the stream (under the lock).
    func deliver(_ events: [Event], finished done: Bool) {
        queue.append(contentsOf: events)
        shared.waitingEvents += events.count
        finished = done
        busy = false
        shared.wakeMergeIfWaiting()
        shared.wakeWorkerIfRoom()
    }

    private func pop() -> Event {
        let event = queue[queueStart]
        queueStart += 1
        shared.waitingEvents -= 1
        if queueStart >= 256, queueStart * 2 >= queue.count {
            queue.removeFirst(queueStart)
            queueStart = 0
        }
        shared.wakeWorkerIfRoom()
        return event
    }

    /// Reads up to `limit` events (by the holder of `busy`, outside the lock), and whether the
    /// stream is finished: its files all read, or one failed.
    func read(upTo limit: Int) -> (events: [Event], finished: Bool) {
        var events: [Event] = []
        while events.count < limit {
            if run != nil {
                if let event = readChange() {
                    events.append(event)
                    if case .failed = event { break }
                }
                continue
            }
            guard let segment = files.popFirst() else { break }
            events.append(open(segment))
        }
        return (events, run == nil && files.isEmpty)
    }

    private func readChange() -> Event? {
        guard var current = run else { return nil }
        do {
            guard let change = try current.next() else {
                run = nil
                return nil
            }
            run = current.isFinished ? nil : current
            return .change(change, completes: current.isFinished ? seen : nil)
        } catch {
            run = nil
            files = []
            return .failed(CausalMerge.Failure(path: path, error: error))
        }
    }

    private func open(_ segment: SegmentName) -> Event {
        path = folder.feedsPath + "/" + name + "/" + segment.fileName
        let opening = SegmentOpening.open(segment, in: name, of: feed, folder: folder, reported: reported)
        guard case .run(let opened, let file) = opening else { return .opened(path: path, opening) }
        run = opened
        seen = file
        return .began(path: path)
    }

}
