import Foundation

/// Reads a merge's feeds ahead of it on a thread of its own: opening, unsealing, inflating,
/// decoding and hashing a change costs about half as much as applying it, so a second core
/// does that while the first applies. The worker reads a little of the stream that has least
/// waiting, and stops while `budget` events wait untaken (memory stays bounded whatever the
/// folder holds). The merge never waits on it for long: a stream the worker is not reading,
/// the merge reads itself (`FeedStream.next`).
///
/// The worker ends when its owner (the merge) goes away.
final class ReadAhead {
    /// What the worker and the merge share, under `condition`'s lock.
    final class Shared: @unchecked Sendable {
        let condition = NSCondition()
        var streams: [FeedStream] = []
        var waitingEvents = 0
        var cancelled = false
        var budget = 0
        /// Who sleeps on `condition`: each side wakes the other only then, and the merge wakes
        /// a worker resting on a full budget only once half of it is taken.
        var workerResting = false
        var mergeWaiting = false

        func wakeMergeIfWaiting() {
            if mergeWaiting { condition.broadcast() }
        }

        func wakeWorkerIfRoom() {
            if workerResting, waitingEvents <= budget / 2 { condition.broadcast() }
        }
    }

    /// Events waiting untaken past which the worker rests: about 10 MiB of decoded changes.
    static let defaultBudget = 4_096
    static let chunk = 64
    static let stealChunk = 16

    let shared = Shared()
    private let budget: Int

    /// A read-ahead that lets `budget` events wait; with 0 it starts no worker, and the merge
    /// reads every stream itself.
    init(budget: Int = defaultBudget) {
        self.budget = budget
        shared.budget = budget
    }

    /// Starts the worker over `streams` (made with this read-ahead's `shared`).
    func start(_ streams: [FeedStream]) {
        shared.streams = streams
        guard !streams.isEmpty, budget > 0 else { return }
        let shared = self.shared, budget = self.budget
        let thread = Thread { Self.work(shared, budget: budget) }
        thread.name = "intersession.read-ahead"
        thread.start()
    }

    deinit {
        shared.condition.lock()
        shared.cancelled = true
        shared.condition.broadcast()
        shared.condition.unlock()
    }

    private static func work(_ shared: Shared, budget: Int) {
        shared.condition.lock()
        while true {
            guard !shared.cancelled else { break }
            guard shared.waitingEvents < budget, let stream = hungriest(in: shared.streams) else {
                shared.workerResting = true
                shared.condition.wait()
                shared.workerResting = false
                continue
            }
            stream.busy = true
            shared.condition.unlock()
            let (events, finished) = stream.read(upTo: chunk)
            shared.condition.lock()
            stream.deliver(events, finished: finished)
        }
        shared.condition.unlock()
    }

    /// The stream with least waiting that is neither finished nor being read.
    private static func hungriest(in streams: [FeedStream]) -> FeedStream? {
        var best: FeedStream?
        for stream in streams where !stream.busy && !stream.finished {
            if stream.waiting == 0 { return stream }
            if best.map({ stream.waiting < $0.waiting }) ?? true { best = stream }
        }
        return best
    }
}
