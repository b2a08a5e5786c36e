/// A draft's edits in causal order, and what they tell: the text at any heads, who last
/// changed each paragraph and when, and the paragraphs that edits made without seeing each
/// other both changed (flagged for a penholder's review until an edit that saw both changes
/// the paragraph again).
public struct DraftHistory {
    public struct Edit: Sendable {
        public var author: FeedID
        public var seq: Int64
        public var time: Int64
        public var edit: DraftEdit

        public init(author: FeedID, seq: Int64, time: Int64, edit: DraftEdit) {
            self.author = author
            self.seq = seq
            self.time = time
            self.edit = edit
        }

        func saw(_ other: Edit) -> Bool { author == other.author ? seq >= other.seq : (edit.base[other.author] ?? 0) >= other.seq }
    }

    /// What each paragraph of the text records.
    public struct Block: Sendable {
        public var paragraph: Paragraph
        /// The edit that last changed it (an index into `edits`).
        public var lastEdit: Int?
        /// Changed by concurrent edits, and not reviewed since.
        public var concurrent: Bool
    }

    public let edits: [Edit]

    public init(edits: [Edit]) { self.edits = edits }

    /// The text the edits inside `heads` give (all of them when nil).
    public func text(within heads: [FeedID: Int64]? = nil) -> SequenceText {
        let text = SequenceText()
        for edit in edits where heads.map({ edit.seq <= ($0[edit.author] ?? 0) }) ?? true {
            if text.accepts(edit.edit, by: edit.author) { try? text.apply(edit.edit, by: edit.author) }
        }
        return text
    }

    public func blocks() -> (text: String, blocks: [Block]) {
        let text = SequenceText()
        var inserted: [[(seq: UInt32, edit: Int)]] = []
        var deleted: [UInt32: [(seq: UInt32, length: UInt32, edit: Int)]] = [:]
        for (index, edit) in edits.enumerated() where text.accepts(edit.edit, by: edit.author) {
            let agent = Int(text.agent(edit.author))
            while inserted.count < text.agents.count { inserted.append([]) }
            for insertion in edit.edit.insertions { inserted[agent].append((insertion.seq, index)) }
            for deletion in edit.edit.deletions {
                deleted[text.agent(deletion.feed), default: []].append((deletion.seq, deletion.length, index))
            }
            try? text.apply(edit.edit, by: edit.author)
        }
        while inserted.count < text.agents.count { inserted.append([]) }
        let current = text.text
        let paragraphs = Paragraphs.split(current)
        var touched = Array(repeating: Set<Int>(), count: paragraphs.count)
        // Each run's characters, split where paragraphs end, mark their paragraph as touched by
        // the edits that inserted them and, for a deleted run, by those that deleted them.
        var offset = 0
        if !paragraphs.isEmpty {
            for leaf in text.leaves {
                for run in leaf.runs {
                    let starts = inserted[Int(run.agent)]
                    if run.deleted {
                        guard let block = Paragraphs.block(containing: offset, in: paragraphs) else { continue }
                        Self.inserters(of: run.seq..<(run.seq + run.length), in: starts) { touched[block].insert($0) }
                        for record in deleted[run.agent] ?? [] where record.seq < run.seq + run.length && run.seq < record.seq + record.length {
                            touched[block].insert(record.edit)
                        }
                        continue
                    }
                    var position = offset, seq = run.seq
                    let end = offset + Int(run.length)
                    while position < end, let block = Paragraphs.block(containing: position, in: paragraphs) {
                        let blockEnd = paragraphs[block].range.upperBound
                        let chunkEnd = position < blockEnd ? min(end, blockEnd) : end
                        let count = UInt32(chunkEnd - position)
                        Self.inserters(of: seq..<(seq + count), in: starts) { touched[block].insert($0) }
                        seq += count
                        position = chunkEnd
                    }
                    offset = end
                }
            }
        }
        let blocks = paragraphs.enumerated().map { index, paragraph in
            let edits = touched[index].sorted()
            let last = edits.max { (self.edits[$0].time, $0) < (self.edits[$1].time, $1) }
            return Block(paragraph: paragraph, lastEdit: last, concurrent: unreviewedConflict(among: edits))
        }
        return (current, blocks)
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

    /// The edits that inserted some of `seqs`, given each edit's first seq in order.
    static func inserters(of seqs: Range<UInt32>, in starts: [(seq: UInt32, edit: Int)], _ body: (Int) -> Void) {
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
