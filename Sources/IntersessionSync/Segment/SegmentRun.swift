import IntersessionCore

/// A segment read one change at a time: its framing (trailer, checksum, header) checked at
/// once, its lines inflated, decoded and chained to the one before only when asked for, and the
/// last change's signature, which vouches for the whole run through the links, checked before
/// it is handed out. What a run hands out is vouched for only once it has handed out its last
/// change, so whoever applies it commits nothing of the file before then (see `CausalMerge`).
/// `SegmentFormat.decode` reads the same files by the same rules, all at once.
struct SegmentRun {
    let header: SegmentHeader
    let count: Int
    private let lines: Lines
    private var index = 0
    private var elision: SegmentElision?
    private var walk: FeedChain.Walk?

    private enum Lines {
        case stored([ArraySlice<UInt8>])
        case compressed(InflatingLines)
    }

    init(_ bytes: [UInt8], group: GroupID, feed: FeedID?, name: SegmentName?) throws(SegmentError) {
        guard bytes.count <= SegmentFormat.maximumFileBytes else { throw .tooLarge(bytes.count) }
        let frame = try SegmentFrame(bytes)
        header = frame.headerFields
        try SegmentFormat.checkHeader(header, group: group, feed: feed, name: name)
        count = Int(header.last - header.first + 1)
        guard frame.count == count else { throw .badHeader("holds \(frame.count) changes for seqs \(header.first)-\(header.last)") }
        if header.version >= 2 {
            lines = .compressed(InflatingLines(bytes, block: frame.block))
            elision = SegmentElision(group: header.group, feed: header.feed)
        } else {
            lines = .stored(SegmentLines.lines(of: bytes, from: frame.block.lowerBound, before: frame.block.upperBound))
        }
    }

    var isStarted: Bool { index > 0 }
    var isFinished: Bool { index == count }

    mutating func next() throws(SegmentError) -> SignedChange? {
        guard index < count else { return nil }
        guard let line = try lineAt(index) else { throw .badHeader("holds fewer changes than its trailer counts") }
        let change = try SegmentFormat.change(from: line, number: index + 2, elision: elision)
        var walk = walk ?? FeedChain.Walk(feed: header.feed, group: header.group,
                                          after: change.body.prev.map { (seq: header.first - 1, hash: $0) })
        do { try walk.step(change) } catch { throw .chain(error) }
        self.walk = walk
        elision = elision?.following(change.hash)
        index += 1
        if index == count {
            guard try lineAt(index) == nil else { throw .badHeader("holds more changes than its trailer counts") }
            guard change.verifySignature() else { throw .chain(.badSignature(seq: change.seq)) }
        }
        return change
    }

    private func lineAt(_ index: Int) throws(SegmentError) -> ArraySlice<UInt8>? {
        switch lines {
        case .stored(let all): index < all.count ? all[index] : nil
        case .compressed(let inflating): try inflating.next()
        }
    }
}
