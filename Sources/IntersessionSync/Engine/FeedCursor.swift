import IntersessionCore
import IntersessionStore

/// Where a `CausalMerge` stands in one feed folder: its stream of files read ahead, whether a
/// file is begun and not yet handed out whole, and the next change, decoded and waiting for its
/// turn.
struct FeedCursor {
    private let stream: FeedStream
    private var head: SignedChange?
    private var headCompletes: SeenFile?
    private var inFile = false

    init(_ stream: FeedStream) {
        self.stream = stream
    }

    var feed: FeedID? { stream.feed }
    var isExhausted: Bool { head == nil && stream.isDrained }
    /// A file begun and not all of its changes handed out: no transaction may end here.
    var isMidFile: Bool { inFile }

    /// The feed's next change, taking the events of the files it opens on the way.
    mutating func peek(into outcomes: inout MergeOutcomes) throws(CausalMerge.Failure) -> SignedChange? {
        if let head { return head }
        while let event = stream.next() {
            switch event {
            case .began(let path):
                outcomes.opened.insert(path)
                inFile = true
            case .opened(let path, let opening):
                outcomes.opened.insert(path)
                Self.record(opening, of: stream.name, path: path, into: &outcomes)
            case .change(let change, let completes):
                head = change
                headCompletes = completes
                return change
            case .failed(let failure):
                throw failure
            }
        }
        return nil
    }

    /// Hands out the change `peek` gave; the file is read once its last change is.
    mutating func take(into outcomes: inout MergeOutcomes) -> SignedChange? {
        guard let change = head else { return nil }
        head = nil
        if let file = headCompletes {
            outcomes.read.append(file)
            outcomes.feeds.insert(change.author)
            headCompletes = nil
            inFile = false
        }
        return change
    }

    private static func record(_ opening: SegmentOpening, of name: String, path: String, into outcomes: inout MergeOutcomes) {
        switch opening {
        case .run, .known:
            break
        case .vanished:
            outcomes.unsettled.insert(name)
        case .incomplete:
            outcomes.incomplete += 1
            outcomes.unsettled.insert(name)
        case .locked:
            outcomes.locked += 1
            outcomes.unsettled.insert(name)
        case .failedRead(let reason):
            outcomes.failedReads.append((path, reason))
            outcomes.unsettled.insert(name)
        case .rejected(let reason):
            outcomes.rejected.append((path, reason))
        }
    }
}
