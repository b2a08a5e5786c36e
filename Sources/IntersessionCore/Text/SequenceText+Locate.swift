/// A place in the text: a run of a leaf and a character offset in it. The end of the text is
/// the slot after the last run of the last leaf.
struct TextPlace: Comparable {
    var leaf: Int
    var run: Int
    var offset: UInt32

    static func < (lhs: TextPlace, rhs: TextPlace) -> Bool {
        (lhs.leaf, lhs.run, lhs.offset) < (rhs.leaf, rhs.run, rhs.offset)
    }
}

extension SequenceText {
    var endPlace: TextPlace {
        guard let last = leaves.last else { return TextPlace(leaf: 0, run: 0, offset: 0) }
        return TextPlace(leaf: leaves.count - 1, run: last.runs.count, offset: 0)
    }

    /// The visible character at `position` (before it, for an insertion), skipping deleted
    /// characters before it; `count` gives the end. Also returns the leaf's first position.
    func place(ofVisible position: Int) -> (TextPlace, leafStart: Int) {
        if position >= count || leaves.isEmpty { return (endPlace, count - (leaves.last?.visible ?? 0)) }
        var leaf = min(cacheLeaf, leaves.count - 1)
        var start = cacheLeaf < leaves.count ? cacheStart : 0
        if cacheLeaf >= leaves.count { leaf = 0 }
        while position < start {
            leaf -= 1
            start -= leaves[leaf].visible
        }
        while position >= start + leaves[leaf].visible {
            start += leaves[leaf].visible
            leaf += 1
        }
        var remaining = position - start
        for (slot, run) in leaves[leaf].runs.enumerated() where !run.deleted {
            if remaining < Int(run.length) { return (TextPlace(leaf: leaf, run: slot, offset: UInt32(remaining)), start) }
            remaining -= Int(run.length)
        }
        preconditionFailure("leaf visible count out of step")
    }

    /// The character just before `place` in document order (deleted or not), or none.
    func id(before place: TextPlace) -> CharID {
        if place.offset > 0 {
            let run = leaves[place.leaf].runs[place.run]
            return CharID(agent: run.agent, seq: run.seq + place.offset - 1)
        }
        var leaf = place.leaf, slot = place.run - 1
        while slot < 0 {
            leaf -= 1
            if leaf < 0 { return .none }
            slot = leaves[leaf].runs.count - 1
        }
        let run = leaves[leaf].runs[slot]
        return CharID(agent: run.agent, seq: run.seq + run.length - 1)
    }

    /// The character at `place`, or none at the end.
    func id(at place: TextPlace) -> CharID {
        var place = place
        normalise(&place)
        guard place.leaf < leaves.count, place.run < leaves[place.leaf].runs.count else { return .none }
        let run = leaves[place.leaf].runs[place.run]
        return CharID(agent: run.agent, seq: run.seq + place.offset)
    }

    /// Moves a place at the end of a leaf to the start of the next one (unless it is the last).
    func normalise(_ place: inout TextPlace) {
        while place.leaf < leaves.count - 1, place.run >= leaves[place.leaf].runs.count {
            place = TextPlace(leaf: place.leaf + 1, run: 0, offset: 0)
        }
    }

    /// Where the character `id` is.
    func place(of id: CharID) -> TextPlace {
        if !indexBuilt { buildIndex() }
        if let found = lookUp(id) { return found }
        buildIndex()
        guard let found = lookUp(id) else { preconditionFailure("character \(id) is not in the text") }
        return found
    }

    private func lookUp(_ id: CharID) -> TextPlace? {
        let entries = index[Int(id.agent)]
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].seq <= id.seq { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        var leaf: TextLeaf? = entries[low - 1].leaf
        var hops = 0
        while let current = leaf, hops < 24 {
            if let slot = current.runs.firstIndex(where: { $0.contains(id) }) {
                return TextPlace(leaf: current.order, run: slot, offset: id.seq - current.runs[slot].seq)
            }
            leaf = current.next
            hops += 1
        }
        return nil
    }

    func buildIndex() {
        index = Array(repeating: [], count: agents.count)
        for leaf in leaves {
            for run in leaf.runs { index[Int(run.agent)].append((run.seq, leaf)) }
        }
        for agent in index.indices { index[agent].sort { $0.seq < $1.seq } }
        indexBuilt = true
    }
}
