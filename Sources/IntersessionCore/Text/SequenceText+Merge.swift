/// Edits from other replicas. An insertion needs its agent's earlier characters and both its
/// origins to be known (the change log delivers them in causal order); applying one twice
/// changes nothing.
extension SequenceText {
    public enum MergeError: Error, Equatable {
        /// The insertion's origins or the agent's earlier characters are not known yet.
        case missingDependency
    }

    public func apply(_ insertion: TextInsertion) throws(MergeError) {
        let length = UInt32(insertion.text.count)
        let have = typed(by: insertion.agent)
        guard insertion.seq + length > have, length > 0 else { return }
        guard insertion.seq == have, knows(insertion.left), knows(insertion.right) else { throw .missingDependency }
        if leaves.isEmpty { leaves.append(TextLeaf(runs: [], order: 0)) }
        cacheLeaf = 0
        cacheStart = 0
        let run = TextRun(agent: insertion.agent, seq: insertion.seq, length: length, deleted: false,
                          left: insertion.left, right: insertion.right)
        var destination = integrationPlace(for: run)
        chars[Int(insertion.agent)].append(contentsOf: insertion.text)
        if destination.offset > 0 {
            let leaf = leaves[destination.leaf]
            let tail = leaf.runs[destination.run].split(at: destination.offset)
            leaf.runs.insert(tail, at: destination.run + 1)
            destination = TextPlace(leaf: destination.leaf, run: destination.run + 1, offset: 0)
        }
        let leaf = leaves[destination.leaf]
        if destination.run > 0, leaf.runs[destination.run - 1].extends(with: run) {
            leaf.runs[destination.run - 1].length += length
            leaf.visible += Int(length)
            count += Int(length)
            if leaf.runs.count > TextLeaf.capacity { splitLeaf(destination.leaf) }
        } else {
            put(run, leaf: destination.leaf, slot: destination.run)
        }
    }

    public func apply(_ deletion: TextDeletion) throws(MergeError) {
        guard deletion.length > 0 else { return }
        guard deletion.seq + deletion.length <= typed(by: deletion.agent) else { throw .missingDependency }
        cacheLeaf = 0
        cacheStart = 0
        var seq = deletion.seq
        let end = deletion.seq + deletion.length
        while seq < end {
            var here = place(of: CharID(agent: deletion.agent, seq: seq))
            let leaf = leaves[here.leaf]
            if here.offset > 0 {
                let tail = leaf.runs[here.run].split(at: here.offset)
                leaf.runs.insert(tail, at: here.run + 1)
                here = TextPlace(leaf: here.leaf, run: here.run + 1, offset: 0)
            }
            if leaf.runs[here.run].seq + leaf.runs[here.run].length > end {
                let tail = leaf.runs[here.run].split(at: end - leaf.runs[here.run].seq)
                leaf.runs.insert(tail, at: here.run + 1)
            }
            let run = leaf.runs[here.run]
            if !run.deleted {
                leaf.runs[here.run].deleted = true
                leaf.visible -= Int(run.length)
                count -= Int(run.length)
            }
            seq = run.seq + run.length
            if leaf.runs.count > TextLeaf.capacity { splitLeaf(here.leaf) }
        }
    }

    /// Where a run from another replica goes: after its left origin, past the runs inserted
    /// concurrently there that order before it (YjsMod's rule: by their origins, then by the
    /// agents' feeds), and never past its right origin. Decided per run: only a run's first
    /// character can order differently from the one before it.
    func integrationPlace(for run: TextRun) -> TextPlace {
        let leftPlace: TextPlace? = run.left.isNone ? nil : place(of: run.left)
        let rightPlace = run.right.isNone ? endPlace : place(of: run.right)
        var cursor = leftPlace.map(after) ?? TextPlace(leaf: 0, run: 0, offset: 0)
        var destination = cursor
        var scanning = false
        scan: while true {
            normalise(&cursor)
            if !scanning { destination = cursor }
            if cursor >= endPlace || cursor == rightPlace { break }
            let other = leaves[cursor.leaf].runs[cursor.run]
            let otherLeft: TextPlace? = other.left(at: cursor.offset).isNone ? nil : place(of: other.left(at: cursor.offset))
            switch Self.compare(otherLeft, leftPlace) {
            case ..<0:
                break scan
            case 0:
                let otherRight = other.right.isNone ? endPlace : place(of: other.right)
                if otherRight < rightPlace {
                    scanning = true
                } else if otherRight == rightPlace, precedes(run.agent, other.agent) {
                    break scan
                } else {
                    scanning = false
                }
            default:
                break
            }
            let rightInside = rightPlace.leaf == cursor.leaf && rightPlace.run == cursor.run && rightPlace.offset > cursor.offset
            cursor = rightInside ? rightPlace : TextPlace(leaf: cursor.leaf, run: cursor.run + 1, offset: 0)
        }
        return destination
    }

    /// The place of the character after the one at `place`.
    func after(_ place: TextPlace) -> TextPlace {
        let run = leaves[place.leaf].runs[place.run]
        if place.offset + 1 < run.length { return TextPlace(leaf: place.leaf, run: place.run, offset: place.offset + 1) }
        return TextPlace(leaf: place.leaf, run: place.run + 1, offset: 0)
    }

    /// The start of the text (no place) comes before every place.
    static func compare(_ lhs: TextPlace?, _ rhs: TextPlace?) -> Int {
        switch (lhs, rhs) {
        case (nil, nil): 0
        case (nil, _): -1
        case (_, nil): 1
        case let (lhs?, rhs?): lhs < rhs ? -1 : (lhs == rhs ? 0 : 1)
        }
    }

    /// The tie-break between concurrent runs with the same origins: the lesser feed goes first.
    func precedes(_ agent: UInt32, _ other: UInt32) -> Bool {
        agents[Int(agent)].bytes.lexicographicallyPrecedes(agents[Int(other)].bytes)
    }
}
