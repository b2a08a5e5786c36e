/// Edits made here: each returns the op that carries it to the other replicas.
extension SequenceText {
    /// Inserts `scalars` before the visible character at `position` (at the end when it is
    /// `count`), typed by `agent`.
    @discardableResult
    public func insert(_ scalars: some Collection<Unicode.Scalar>, at position: Int, by agent: UInt32) -> TextInsertion {
        precondition(position >= 0 && position <= count, "insertion outside the text")
        let length = UInt32(scalars.count)
        let seq = typed(by: agent)
        guard length > 0 else { return TextInsertion(agent: agent, seq: seq, left: .none, right: .none, text: []) }
        if leaves.isEmpty { leaves.append(TextLeaf(runs: [], order: 0)) }
        var (place, leafStart) = place(ofVisible: position)
        let left = id(before: place)
        let right = id(at: place)
        chars[Int(agent)].append(contentsOf: scalars)
        let run = TextRun(agent: agent, seq: seq, length: length, deleted: false, left: left, right: right)
        if place.offset > 0 {
            let tail = leaves[place.leaf].runs[place.run].split(at: place.offset)
            leaves[place.leaf].runs.insert(tail, at: place.run + 1)
            place = TextPlace(leaf: place.leaf, run: place.run + 1, offset: 0)
        }
        let leaf = leaves[place.leaf]
        if place.run > 0, leaf.runs[place.run - 1].extends(with: run) {
            leaf.runs[place.run - 1].length += length
            leaf.visible += Int(length)
            count += Int(length)
            if leaf.runs.count > TextLeaf.capacity { splitLeaf(place.leaf) }
        } else {
            put(run, leaf: place.leaf, slot: place.run)
        }
        cacheLeaf = min(place.leaf, leaves.count - 1)
        cacheStart = leafStart
        return TextInsertion(agent: agent, seq: seq, left: left, right: right, text: Array(scalars))
    }

    /// Deletes the visible characters in `range`; returns the ranges of ids deleted.
    @discardableResult
    public func delete(_ range: Range<Int>) -> [TextDeletion] {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "deletion outside the text")
        guard !range.isEmpty else { return [] }
        var (place, leafStart) = place(ofVisible: range.lowerBound)
        cacheLeaf = place.leaf
        cacheStart = leafStart
        var remaining = range.count
        var deletions: [TextDeletion] = []
        while remaining > 0 {
            normalise(&place)
            let leaf = leaves[place.leaf]
            if place.run >= leaf.runs.count || leaf.runs[place.run].deleted {
                place = TextPlace(leaf: place.leaf, run: place.run + 1, offset: 0)
                continue
            }
            if place.offset > 0 {
                let tail = leaf.runs[place.run].split(at: place.offset)
                leaf.runs.insert(tail, at: place.run + 1)
                place = TextPlace(leaf: place.leaf, run: place.run + 1, offset: 0)
            }
            if Int(leaf.runs[place.run].length) > remaining {
                let tail = leaf.runs[place.run].split(at: UInt32(remaining))
                leaf.runs.insert(tail, at: place.run + 1)
            }
            leaf.runs[place.run].deleted = true
            let run = leaf.runs[place.run]
            leaf.visible -= Int(run.length)
            count -= Int(run.length)
            remaining -= Int(run.length)
            if let last = deletions.last, last.agent == run.agent, last.seq + last.length == run.seq {
                deletions[deletions.count - 1].length += run.length
            } else {
                deletions.append(TextDeletion(agent: run.agent, seq: run.seq, length: run.length))
            }
            let slot = place.run
            if leaf.runs.count > TextLeaf.capacity { splitLeaf(place.leaf) }
            place = TextPlace(leaf: place.leaf, run: slot + 1, offset: 0)
            if place.run > leaves[place.leaf].runs.count {
                place = TextPlace(leaf: place.leaf + 1, run: place.run - leaves[place.leaf].runs.count, offset: 0)
            }
        }
        return deletions
    }
}

extension TextRun {
    /// Whether `next`, placed right after this run, continues it.
    func extends(with next: TextRun) -> Bool {
        !deleted && !next.deleted && agent == next.agent && seq + length == next.seq && right == next.right
            && next.left == CharID(agent: agent, seq: seq + length - 1)
    }
}

/// An insertion: the agent's seqs from `seq` on, between the characters `left` and `right` as
/// the typist saw them.
public struct TextInsertion: Hashable, Sendable {
    public var agent: UInt32
    public var seq: UInt32
    public var left: CharID
    public var right: CharID
    public var text: [Unicode.Scalar]

    public init(agent: UInt32, seq: UInt32, left: CharID, right: CharID, text: [Unicode.Scalar]) {
        self.agent = agent
        self.seq = seq
        self.left = left
        self.right = right
        self.text = text
    }
}

/// A deletion of the characters `seq ..< seq + length` typed by `agent`.
public struct TextDeletion: Hashable, Sendable {
    public var agent: UInt32
    public var seq: UInt32
    public var length: UInt32

    public init(agent: UInt32, seq: UInt32, length: UInt32) {
        self.agent = agent
        self.seq = seq
        self.length = length
    }
}
