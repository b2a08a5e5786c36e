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
        /// The rest of its place in the replay's order, after `time`.
        public var counter: Int64
        public var opIndex: Int

        public init(author: FeedID, seq: Int64, time: Int64, counter: Int64 = 0, opIndex: Int = 0, edit: DraftEdit) {
            self.author = author
            self.seq = seq
            self.time = time
            self.counter = counter
            self.opIndex = opIndex
            self.edit = edit
        }

        /// What the blame records of it.
        public var blamed: DraftBlame.Edit {
            DraftBlame.Edit(author: author, seq: seq, order: DraftBlame.Order(millis: time, counter: counter, author: author, seq: seq,
                                                                             opIndex: Int64(opIndex)), base: edit.base)
        }
    }

    /// What each paragraph of the text records.
    public typealias Block = DraftBlame.Block

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

    /// The text the edits give, and its paragraphs with blame and flags: the replay that the
    /// store's `draft_block` rows must always equal.
    public func blocks() -> (text: String, blocks: [Block]) {
        let text = SequenceText()
        var blame = DraftBlame()
        // The blame numbers the edits that counted; blocks name edits by their index here.
        var counted: [Int] = []
        for (index, edit) in edits.enumerated() where text.accepts(edit.edit, by: edit.author) {
            try? text.apply(edit.edit, by: edit.author)
            blame.record(edit.edit, as: edit.blamed)
            counted.append(index)
        }
        let blocks = blame.blocks(of: text).map { block in
            var block = block
            block.lastEdit = block.lastEdit.map { counted[$0] }
            block.touched = block.touched.map { counted[$0] }
            return block
        }
        return (text.text, blocks)
    }
}
