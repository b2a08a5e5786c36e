import IntersessionCore

/// A segment read one change at a time: its framing (trailer, header, count) checked at once,
/// each line decoded and chained to the one before only when asked for, and the last change's
/// signature, which vouches for the whole run through the links, checked before it is handed
/// out. What a run hands out is vouched for only once it has handed out its last change, so
/// whoever applies it commits nothing of the file before then (see `CausalMerge`).
/// `SegmentFormat.decode` reads the same files by the same rules, all at once.
struct SegmentRun {
    let header: SegmentHeader
    private let lines: [ArraySlice<UInt8>]
    private var index = 0
    private var elision: SegmentElision?
    private var walk: FeedChain.Walk?

    init(_ bytes: [UInt8], group: GroupID, feed: FeedID?, name: SegmentName?) throws(SegmentError) {
        let framed = try SegmentFormat.framed(bytes, group: group, feed: feed, name: name)
        header = framed.headerFields
        lines = framed.body
        elision = header.version >= 2 ? SegmentElision(group: header.group, feed: header.feed) : nil
    }

    var isStarted: Bool { index > 0 }
    var isFinished: Bool { index == lines.count }

    mutating func next() throws(SegmentError) -> SignedChange? {
        guard index < lines.count else { return nil }
        let change = try SegmentFormat.change(from: lines[index], number: index + 2, elision: elision)
        var walk = walk ?? FeedChain.Walk(feed: header.feed, group: header.group,
                                          after: change.body.prev.map { (seq: header.first - 1, hash: $0) })
        do { try walk.step(change) } catch { throw .chain(error) }
        self.walk = walk
        elision = elision?.following(change.hash)
        index += 1
        if index == lines.count, !change.verifySignature() { throw .chain(.badSignature(seq: change.seq)) }
        return change
    }
}
