import IntersessionCore
import IntersessionStore

/// Where a `CausalMerge` stands in one feed folder: the files left, the run being read, and its
/// next change, decoded and waiting for its turn.
struct FeedCursor {
    let name: String
    let feed: FeedID?
    private var files: ArraySlice<SegmentName>
    private var run: SegmentRun?
    private var file: SeenFile?
    private var path = ""
    private var head: SignedChange?

    init(_ plan: FeedPlan) {
        name = plan.name
        feed = plan.feed
        files = plan.files[...]
    }

    var isExhausted: Bool { head == nil && run == nil && files.isEmpty }
    /// Some of the run's changes handed out, not all: no transaction may end here.
    var isMidFile: Bool { run?.isStarted == true && (head != nil || run?.isFinished == false) }

    /// The feed's next change, opening its next file when the run is done.
    mutating func peek(folder: GroupFolder, reported: Set<String>, into outcomes: inout MergeOutcomes) throws(CausalMerge.Failure) -> SignedChange? {
        if let head { return head }
        while true {
            if var current = run {
                do {
                    head = try current.next()
                } catch {
                    throw CausalMerge.Failure(path: path, error: error)
                }
                run = current
                if let head { return head }
                run = nil
            }
            guard let segment = files.popFirst() else { return nil }
            open(segment, folder: folder, reported: reported, into: &outcomes)
        }
    }

    /// Hands out the change `peek` gave; the file is read once its last change is.
    mutating func take(into outcomes: inout MergeOutcomes) -> SignedChange? {
        guard let change = head else { return nil }
        head = nil
        if run?.isFinished == true, let file {
            outcomes.read.append(file)
            outcomes.feeds.insert(change.author)
            run = nil
            self.file = nil
        }
        return change
    }

    private mutating func open(_ segment: SegmentName, folder: GroupFolder, reported: Set<String>, into outcomes: inout MergeOutcomes) {
        path = folder.feedsPath + "/" + name + "/" + segment.fileName
        outcomes.opened.insert(path)
        switch SegmentOpening.open(segment, in: name, of: feed, folder: folder, reported: reported) {
        case .run(let opened, let seen):
            run = opened
            file = seen
        case .known:
            break
        case .vanished:
            outcomes.unsettled.insert(name)
        case .incomplete:
            outcomes.incomplete += 1
            outcomes.unsettled.insert(name)
        case .locked:
            outcomes.locked += 1
            outcomes.unsettled.insert(name)
        case .rejected(let reason):
            outcomes.rejected.append((path, reason))
        }
    }
}
