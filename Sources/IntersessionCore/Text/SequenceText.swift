/// A text that replicas edit concurrently and offline and that always converges: a sequence
/// CRDT in the YjsMod/FugueMax family (each character keeps its left and right origin, and
/// concurrent insertions at one place are ordered as whole runs, never interleaved character
/// by character), stored as run-length-encoded runs in chunked leaves.
///
/// Positions count Unicode scalars. Agents are the feeds that type; an agent's characters are
/// numbered from 0 in the order it typed them, so an insertion is identified by its agent and
/// first seq. Not thread-safe: one owner at a time.
public final class SequenceText {
    /// Feeds by agent index, and the characters each typed, by seq.
    public internal(set) var agents: [FeedID] = []
    var agentIndex: [FeedID: UInt32] = [:]
    var chars: [[Unicode.Scalar]] = []
    var leaves: [TextLeaf] = []
    /// The number of visible characters.
    public internal(set) var count = 0

    /// Where the last local edit happened: a leaf and its first visible position.
    var cacheLeaf = 0
    var cacheStart = 0
    /// Per agent: (first seq, leaf) entries, sorted; built on demand and followed by `next`.
    var index: [[(seq: UInt32, leaf: TextLeaf)]] = []
    var indexBuilt = false

    public init() {}

    /// The index of `feed` among the agents, adding it when new.
    public func agent(_ feed: FeedID) -> UInt32 {
        if let known = agentIndex[feed] { return known }
        let index = UInt32(agents.count)
        agents.append(feed)
        agentIndex[feed] = index
        chars.append([])
        self.index.append([])
        return index
    }

    /// How many characters `agent` has typed into this text: its next insertion's seq.
    public func typed(by agent: UInt32) -> UInt32 { agent < chars.count ? UInt32(chars[Int(agent)].count) : 0 }

    /// Whether the character `id` is known here.
    public func knows(_ id: CharID) -> Bool { id.isNone || id.seq < typed(by: id.agent) }

    public var text: String {
        // As UTF-8 bytes first: appending scalars to a String one by one is several times slower.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(count)
        for leaf in leaves {
            for run in leaf.runs where !run.deleted {
                for scalar in chars[Int(run.agent)][Int(run.seq)..<Int(run.seq + run.length)] {
                    if scalar.isASCII { utf8.append(UInt8(truncatingIfNeeded: scalar.value)) } else { UTF8.encode(scalar) { utf8.append($0) } }
                }
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// How many runs the text is stored as (for measurements).
    public var runCount: Int { leaves.reduce(0) { $0 + $1.runs.count } }

    /// Puts `run` at `slot` of leaf `leafIndex`, splitting the leaf when it is full.
    func put(_ run: TextRun, leaf leafIndex: Int, slot: Int) {
        let leaf = leaves[leafIndex]
        leaf.runs.insert(run, at: slot)
        leaf.visible += run.visibleLength
        count += run.visibleLength
        noteInIndex(run, leaf: leaf)
        if leaf.runs.count > TextLeaf.capacity { splitLeaf(leafIndex) }
    }

    func splitLeaf(_ leafIndex: Int) {
        let leaf = leaves[leafIndex]
        let half = leaf.runs.count / 2
        let tail = TextLeaf(runs: Array(leaf.runs[half...]), order: leafIndex + 1)
        leaf.runs.removeSubrange(half...)
        leaf.visible -= tail.visible
        tail.next = leaf.next
        leaf.next = tail
        leaves.insert(tail, at: leafIndex + 1)
        for later in (leafIndex + 2)..<leaves.count { leaves[later].order = later }
        if cacheLeaf > leafIndex { cacheLeaf += 1 }
    }

    func noteInIndex(_ run: TextRun, leaf: TextLeaf) {
        guard indexBuilt else { return }
        let agent = Int(run.agent)
        if let last = index[agent].last, last.seq > run.seq { return }  // a split: the old entry still leads here
        if index[agent].last?.leaf !== leaf { index[agent].append((run.seq, leaf)) }
    }
}
