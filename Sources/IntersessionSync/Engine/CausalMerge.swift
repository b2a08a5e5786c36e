import IntersessionCore
import IntersessionStore

/// Hands out the changes of a folder's feeds in an order their dependencies allow, decoding
/// each once, when its turn comes. Feeds are read side by side, each from its next file: a feed
/// goes on while its next change's previous change and `deps` are in (in the store, or handed
/// out before), and yields to another when it is not. Read feed after feed instead, replies met
/// before their threads would wait in the log, to be read back and decoded again: an import in
/// the wrong feed order took half as long again and twice the memory.
///
/// The order is only an economy: when no feed's next change is ready (what it needs is in no
/// file here), one is handed out anyway, and the store holds it until it is.
///
/// A file's changes are vouched for by its last change's signature, checked when that change is
/// handed out, so `next` ends a transaction only where no file is half read: `Failure` thrown
/// midway rolls back every change of the file, as if it had been refused whole.
///
/// The files are read ahead on a second thread (`ReadAhead`, `FeedStream`); the order of what
/// `next` hands out depends only on the files and the store, never on which thread read them.
struct CausalMerge {
    /// A file that failed as it was read: the transaction is rolled back and the merge started
    /// again without it.
    struct Failure: Error {
        let path: String
        let error: SegmentError
    }

    private var cursors: [FeedCursor]
    private var heads: [FeedID: Int64]
    private let readAhead: ReadAhead
    private let batchSize: Int
    private var turn = 0
    private var drawn = 0
    /// What the files opened so far came to, taken by the importer after each transaction.
    var outcomes = MergeOutcomes()

    /// `readAheadBudget` bounds how many events the read-ahead worker lets wait; 0 reads on
    /// this thread alone.
    init(plans: [FeedPlan], folder: GroupFolder, heads: [FeedID: Int64], reported: Set<String>, batchSize: Int,
         readAheadBudget: Int = ReadAhead.defaultBudget) {
        let readAhead = ReadAhead(budget: readAheadBudget)
        let streams = plans.filter { !$0.files.isEmpty }.map {
            FeedStream($0, folder: folder, reported: reported, shared: readAhead.shared)
        }
        self.readAhead = readAhead
        cursors = streams.map(FeedCursor.init)
        self.heads = heads
        self.batchSize = batchSize
        readAhead.start(streams)
    }

    var isExhausted: Bool { cursors.allSatisfy(\.isExhausted) }

    /// The next change to apply, or nil to end this transaction: every file read, or enough
    /// changes handed out and no file half read.
    mutating func next() throws(Failure) -> SignedChange? {
        let draining = drawn >= batchSize
        if draining, !cursors.contains(where: \.isMidFile) {
            drawn = 0
            return nil
        }
        guard let change = try pick(draining: draining) else { return nil }
        drawn += 1
        heads[change.author] = max(heads[change.author] ?? 0, change.seq)
        return change
    }

    /// The first ready change from the feed last read onwards, else the first blocked one. Once
    /// enough are handed out, files already begun come first, to reach a place to commit; a
    /// file is begun past that only when none of theirs is ready and another's is.
    private mutating func pick(draining: Bool) throws(Failure) -> SignedChange? {
        var blocked = draining ? try firstReady(begunOnly: true) : nil
        if case .ready(let index)? = blocked { return take(index) }
        let found = try firstReady(begunOnly: false)
        if case .ready(let index)? = found { return take(index) }
        if blocked == nil { blocked = found }
        guard case .blocked(let index)? = blocked else { return nil }
        return take(index)
    }

    private enum Found { case ready(Int), blocked(Int) }

    private mutating func firstReady(begunOnly: Bool) throws(Failure) -> Found? {
        var blocked: Int?
        for step in 0..<cursors.count {
            let index = (turn + step) % cursors.count
            if begunOnly, !cursors[index].isMidFile { continue }
            guard let head = try cursors[index].peek(into: &outcomes) else { continue }
            if isReady(head) { return .ready(index) }
            if blocked == nil { blocked = index }
        }
        return blocked.map(Found.blocked)
    }

    private mutating func take(_ index: Int) -> SignedChange? {
        turn = index
        return cursors[index].take(into: &outcomes)
    }

    /// Whether the store could apply `change` once what was handed out before is applied.
    private func isReady(_ change: SignedChange) -> Bool {
        guard change.seq <= (heads[change.author] ?? 0) + 1 else { return false }
        for (feed, seq) in change.body.deps where (heads[feed] ?? 0) < seq { return false }
        return true
    }
}

/// One feed folder's segment files still to read, in seq order.
struct FeedPlan {
    let name: String
    let feed: FeedID?
    var files: [SegmentName]
}

/// What a merge's files came to, for the importer to record once the changes are committed.
struct MergeOutcomes {
    /// Files whose every change was handed out.
    var read: [SeenFile] = []
    var feeds: Set<FeedID> = []
    var rejected: [(path: String, reason: String)] = []
    /// Files whose reading failed: reported, never remembered as bad.
    var failedReads: [(path: String, reason: String)] = []
    var incomplete = 0
    var locked = 0
    /// Feed folders with a file not read this time (the folder is listed again next time).
    var unsettled: Set<String> = []
    /// Every file opened, whatever it came to: not opened again if the merge starts over.
    var opened: Set<String> = []
}
