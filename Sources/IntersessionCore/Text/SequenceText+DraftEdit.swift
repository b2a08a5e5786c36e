/// A draft's text and the `draft.edit` op: turning a saved text into insert and delete runs,
/// and merging the runs that others saved.
extension SequenceText {
    /// Edits this text into `newText` by a line diff, refined by characters inside changed
    /// lines, and returns the runs that carry the edit.
    public func change(to newText: String, by author: FeedID) -> (insertions: [DraftEdit.Insertion], deletions: [DraftEdit.Deletion]) {
        let agent = agent(author)
        let old = Array(text.unicodeScalars), new = Array(newText.unicodeScalars)
        var insertions: [DraftEdit.Insertion] = [], deletions: [DraftEdit.Deletion] = []
        var position = 0, oldIndex = 0, newIndex = 0
        func delete(_ count: Int) {
            for deletion in self.delete(position..<(position + count)) {
                deletions.append(.init(feed: agents[Int(deletion.agent)], seq: deletion.seq, length: deletion.length))
            }
            oldIndex += count
        }
        func insert(_ count: Int) {
            let made = self.insert(new[newIndex..<(newIndex + count)], at: position, by: agent)
            insertions.append(.init(seq: made.seq, left: anchor(made.left), right: anchor(made.right),
                                    text: String(String.UnicodeScalarView(made.text))))
            position += count
            newIndex += count
        }
        let oldLines = Self.lines(old), newLines = Self.lines(new)
        var lineSteps = Diff.steps(oldLines.map { Array(old[$0]) }, newLines.map { Array(new[$0]) })
        lineSteps.append(.same(0))
        var pendingDelete = 0, pendingInsert = 0, oldLine = 0, newLine = 0
        for step in lineSteps {
            switch step {
            case .delete(let count): pendingDelete += count
            case .insert(let count): pendingInsert += count
            case .same(let count):
                if pendingDelete + pendingInsert > 0 {
                    // A changed block: refine by characters.
                    let oldEnd = oldLine + pendingDelete == oldLines.count ? old.count : oldLines[oldLine + pendingDelete].lowerBound
                    let newEnd = newLine + pendingInsert == newLines.count ? new.count : newLines[newLine + pendingInsert].lowerBound
                    for charStep in Diff.steps(Array(old[oldIndex..<oldEnd]), Array(new[newIndex..<newEnd])) {
                        switch charStep {
                        case .same(let n): position += n; oldIndex += n; newIndex += n
                        case .delete(let n): delete(n)
                        case .insert(let n): insert(n)
                        }
                    }
                    oldLine += pendingDelete
                    newLine += pendingInsert
                    pendingDelete = 0
                    pendingInsert = 0
                }
                for _ in 0..<count {
                    let length = oldLines[oldLine].count
                    position += length
                    oldIndex += length
                    newIndex += length
                    oldLine += 1
                    newLine += 1
                }
            }
        }
        return (insertions, deletions)
    }

    /// Ranges of lines, each with its newline.
    static func lines(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for (index, scalar) in scalars.enumerated() where scalar == "\n" {
            lines.append(start..<(index + 1))
            start = index + 1
        }
        if start < scalars.count { lines.append(start..<scalars.count) }
        return lines
    }

    func anchor(_ id: CharID) -> TextAnchor? { id.isNone ? nil : TextAnchor(feed: agents[Int(id.agent)], seq: id.seq) }

    func charID(_ anchor: TextAnchor?) -> CharID { anchor.map { CharID(agent: agent($0.feed), seq: $0.seq) } ?? .none }

    /// Whether every run of `edit` fits: insertions continue the author's characters and name
    /// known characters (or the edit's own earlier ones), deletions name known characters.
    public func accepts(_ edit: DraftEdit, by author: FeedID) -> Bool {
        var typedSoFar: [FeedID: UInt32] = [:]
        func typed(_ feed: FeedID) -> UInt32 { typedSoFar[feed] ?? agentIndex[feed].map { self.typed(by: $0) } ?? 0 }
        func known(_ anchor: TextAnchor?) -> Bool { anchor.map { $0.seq < typed($0.feed) } ?? true }
        for insertion in edit.insertions {
            let length = UInt32(insertion.text.unicodeScalars.count)
            guard insertion.seq == typed(author), known(insertion.left), known(insertion.right), length > 0,
                length < UInt32.max - insertion.seq
            else { return false }
            typedSoFar[author] = insertion.seq + length
        }
        return edit.deletions.allSatisfy { $0.seq + $0.length <= typed($0.feed) }
    }

    /// Merges `edit` (check it with `accepts` first).
    public func apply(_ edit: DraftEdit, by author: FeedID) throws(MergeError) {
        let agent = agent(author)
        for insertion in edit.insertions {
            try apply(TextInsertion(agent: agent, seq: insertion.seq, left: charID(insertion.left), right: charID(insertion.right),
                                    text: Array(insertion.text.unicodeScalars)))
        }
        for deletion in edit.deletions {
            try apply(TextDeletion(agent: self.agent(deletion.feed), seq: deletion.seq, length: deletion.length))
        }
    }

    /// The visible position of a character, or nil when it is deleted or unknown.
    public func position(of anchor: TextAnchor) -> Int? {
        guard let agent = agentIndex[anchor.feed], knows(CharID(agent: agent, seq: anchor.seq)) else { return nil }
        let place = place(of: CharID(agent: agent, seq: anchor.seq))
        let run = leaves[place.leaf].runs[place.run]
        guard !run.deleted else { return nil }
        return visibleOffset(of: place)
    }

    /// The character at a visible position.
    public func anchor(at position: Int) -> TextAnchor? {
        guard position >= 0, position < count else { return nil }
        return anchor(id(at: place(ofVisible: position).0))
    }

    /// How many visible characters come before `place`.
    func visibleOffset(of place: TextPlace) -> Int {
        var offset = 0
        for leaf in leaves[..<place.leaf] { offset += leaf.visible }
        for run in leaves[place.leaf].runs[..<place.run] { offset += run.visibleLength }
        let run = leaves[place.leaf].runs[place.run]
        return offset + (run.deleted ? 0 : Int(place.offset))
    }
}
