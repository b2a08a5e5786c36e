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
        var offset = 0
        if !paragraphs.isEmpty {
            for leaf in text.leaves {
                for run in leaf.runs {
                    for k in 0..<run.length {
                        let seq = run.seq + k
                        guard let block = Paragraphs.block(containing: offset, in: paragraphs) else { continue }
                        if let inserter = Self.lookUp(seq, in: inserted[Int(run.agent)]) { touched[block].insert(inserter) }
                        if run.deleted {
                            for record in deleted[run.agent] ?? [] where seq >= record.seq && seq < record.seq + record.length {
                                touched[block].insert(record.edit)
                            }
                        } else {
                            offset += 1
                        }
                    }
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

    static func lookUp(_ seq: UInt32, in starts: [(seq: UInt32, edit: Int)]) -> Int? {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid].seq <= seq { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? starts[low - 1].edit : nil
    }
}
