/// Who typed and who deleted each character of a draft, by edit: recorded as each edit applies,
/// beside the text's CRDT, so that a paragraph's last change and its flag of unreviewed
/// concurrent edits come from one walk of the text, not from a replay of every save.
///
/// What it records does not depend on the order edits arrive in: a character is typed by one
/// edit and deleted by a set of edits, and the last change of a paragraph is the greatest edit
/// by `Order` (the replay's order), not the latest to arrive.
public struct DraftBlame: Sendable, Equatable {
    public struct Edit: Sendable, Equatable {
        public var author: FeedID
        public var seq: Int64
        public var order: Order
        /// The seq of each feed's latest change the author saw.
        public var base: [FeedID: Int64]

        public var time: Int64 { order.millis }

        public init(author: FeedID, seq: Int64, order: Order, base: [FeedID: Int64]) {
            self.author = author
            self.seq = seq
            self.order = order
            self.base = base
        }

        func saw(_ other: Edit) -> Bool { author == other.author ? seq >= other.seq : (base[other.author] ?? 0) >= other.seq }
    }

    /// An edit's place in the replay: its clock, then the author's key, seq and op index.
    public struct Order: Sendable, Hashable, Comparable {
        public var millis: Int64
        public var counter: Int64
        public var author: FeedID
        public var seq: Int64
        public var opIndex: Int64

        public init(millis: Int64, counter: Int64, author: FeedID, seq: Int64, opIndex: Int64) {
            self.millis = millis
            self.counter = counter
            self.author = author
            self.seq = seq
            self.opIndex = opIndex
        }

        public static func < (lhs: Order, rhs: Order) -> Bool {
            if lhs.millis != rhs.millis { return lhs.millis < rhs.millis }
            if lhs.counter != rhs.counter { return lhs.counter < rhs.counter }
            if lhs.author != rhs.author { return lhs.author.bytes.lexicographicallyPrecedes(rhs.author.bytes) }
            if lhs.seq != rhs.seq { return lhs.seq < rhs.seq }
            return lhs.opIndex < rhs.opIndex
        }
    }

    /// An insertion's first seq (of its author's characters) and the edit that made it.
    struct Start: Equatable {
        var seq: UInt32
        var edit: Int
    }

    /// Characters of one feed that an edit deleted.
    struct Removal: Equatable {
        var seq: UInt32
        var length: UInt32
        var edit: Int
    }

    /// What each paragraph of the text records.
    public struct Block: Sendable, Equatable {
        public var paragraph: Paragraph
        /// The edit that last changed it (an index into `edits`).
        public var lastEdit: Int?
        /// Changed by concurrent edits, and not reviewed since.
        public var concurrent: Bool
        /// Every edit whose characters (typed or deleted) lie in it, in index order.
        public var touched: [Int]
    }

    public internal(set) var edits: [Edit] = []
    /// Per feed, its insertions in seq order (a feed's edits apply in its seq order).
    var inserted: [FeedID: [Start]] = [:]
    /// Per feed whose characters were deleted, the deletions sorted by seq.
    var deleted: [FeedID: [Removal]] = [:]

    public init() {}

    /// Notes `edit`, just merged into the text; returns its index.
    @discardableResult
    public mutating func record(_ edit: DraftEdit, as recorded: Edit) -> Int {
        let index = edits.count
        edits.append(recorded)
        for insertion in edit.insertions { inserted[recorded.author, default: []].append(Start(seq: insertion.seq, edit: index)) }
        for deletion in edit.deletions {
            let removal = Removal(seq: deletion.seq, length: deletion.length, edit: index)
            var list = deleted[deletion.feed] ?? []
            var slot = list.count
            while slot > 0, list[slot - 1].seq > removal.seq { slot -= 1 }
            list.insert(removal, at: slot)
            deleted[deletion.feed] = list
        }
        return index
    }

    /// The paragraphs of `text` (the CRDT these edits were merged into; `current`, its text when
    /// already at hand), with their blame and flags. `known` gives the flag already found for a
    /// set of touching edits, to reuse.
    public func blocks(of text: SequenceText, current: String? = nil, known: [[Int]: Bool] = [:]) -> [Block] {
        let paragraphs = Paragraphs.split(current ?? text.text)
        guard !paragraphs.isEmpty else { return [] }
        var touched = Array(repeating: Set<Int>(), count: paragraphs.count)
        let starts = text.agents.map { inserted[$0] ?? [] }
        let removals = text.agents.map { RemovalIndex(deleted[$0] ?? []) }
        // Each run's characters, split where paragraphs end, mark their paragraph as touched by
        // the edits that inserted them and, for a deleted run, by those that deleted them.
        var offset = 0
        for leaf in text.leaves {
            for run in leaf.runs {
                let agent = Int(run.agent)
                if run.deleted {
                    guard let block = Paragraphs.block(containing: offset, in: paragraphs) else { continue }
                    Self.inserters(of: run.seq..<(run.seq + run.length), in: starts[agent]) { touched[block].insert($0) }
                    removals[agent].overlapping(run.seq..<(run.seq + run.length)) { touched[block].insert($0) }
                    continue
                }
                var position = offset, seq = run.seq
                let end = offset + Int(run.length)
                while position < end, let block = Paragraphs.block(containing: position, in: paragraphs) {
                    let blockEnd = paragraphs[block].range.upperBound
                    let chunkEnd = position < blockEnd ? min(end, blockEnd) : end
                    let count = UInt32(chunkEnd - position)
                    Self.inserters(of: seq..<(seq + count), in: starts[agent]) { touched[block].insert($0) }
                    seq += count
                    position = chunkEnd
                }
                offset = end
            }
        }
        return paragraphs.enumerated().map { index, paragraph in
            let edits = touched[index].sorted()
            let last = edits.max { self.edits[$0].order < self.edits[$1].order }
            return Block(paragraph: paragraph, lastEdit: last, concurrent: known[edits] ?? unreviewedConflict(among: edits), touched: edits)
        }
    }

    /// Two edits that did not see each other, with no later edit of the paragraph that saw both.
    func unreviewedConflict(among indexes: [Int]) -> Bool {
        for (position, first) in indexes.enumerated() {
            for second in indexes[(position + 1)...] {
                let a = edits[first], b = edits[second]
                guard !a.saw(b), !b.saw(a) else { continue }
                let reviewed = indexes.contains { edits[$0].saw(a) && edits[$0].saw(b) }
                if !reviewed { return true }
            }
        }
        return false
    }

    /// The edits that inserted some of `seqs`, given each insertion's first seq in order.
    static func inserters(of seqs: Range<UInt32>, in starts: [Start], _ body: (Int) -> Void) {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid].seq <= seqs.lowerBound { low = mid + 1 } else { high = mid }
        }
        var index = max(0, low - 1)
        while index < starts.count, starts[index].seq < seqs.upperBound {
            if index + 1 >= starts.count || starts[index + 1].seq > seqs.lowerBound { body(starts[index].edit) }
            index += 1
        }
    }
}

/// One feed's deletions sorted by seq, with the furthest end reached so far at each, so that
/// those overlapping a range are found without looking at every deletion.
struct RemovalIndex {
    let removals: [DraftBlame.Removal]
    let reach: [UInt64]

    init(_ removals: [DraftBlame.Removal]) {
        self.removals = removals
        var furthest: UInt64 = 0
        reach = removals.map { removal in
            furthest = max(furthest, UInt64(removal.seq) + UInt64(removal.length))
            return furthest
        }
    }

    func overlapping(_ seqs: Range<UInt32>, _ body: (Int) -> Void) {
        var low = 0, high = removals.count
        while low < high {
            let mid = (low + high) / 2
            if removals[mid].seq < seqs.upperBound { low = mid + 1 } else { high = mid }
        }
        var index = low - 1
        while index >= 0, reach[index] > UInt64(seqs.lowerBound) {
            if UInt64(removals[index].seq) + UInt64(removals[index].length) > UInt64(seqs.lowerBound) { body(removals[index].edit) }
            index -= 1
        }
    }
}
