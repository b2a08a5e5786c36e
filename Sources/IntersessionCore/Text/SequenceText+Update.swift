/// Updates between replicas of a text outside the change log: what one replica holds that
/// another lacks, as bytes. An update from nothing is the whole state (the snapshot format),
/// which an empty replica adopts as it is; any other update lists the missing insertions in
/// causal order, merged into runs, and the deletions.
extension SequenceText {
    static let updateMagic: [UInt8] = Array("ISTU1".utf8)

    /// How many characters each agent has typed here: what an update is computed against.
    public var version: [FeedID: UInt32] {
        Dictionary(uniqueKeysWithValues: agents.enumerated().map { ($0.element, UInt32(chars[$0.offset].count)) })
    }

    /// What this text holds beyond `version`.
    public func update(since version: [FeedID: UInt32] = [:]) -> [UInt8] {
        if version.values.allSatisfy({ $0 == 0 }) { return encoded() }
        let (insertions, deletions) = delta(since: version)
        var out = Self.updateMagic
        Varint.append(UInt64(agents.count), to: &out)
        for feed in agents { out += feed.bytes }
        Varint.append(UInt64(insertions.count), to: &out)
        for insertion in insertions {
            Varint.append(UInt64(insertion.agent), to: &out)
            Varint.append(UInt64(insertion.seq), to: &out)
            Self.append(insertion.left, to: &out)
            Self.append(insertion.right, to: &out)
            var utf8: [UInt8] = []
            for scalar in insertion.text { UTF8.encode(scalar) { utf8.append($0) } }
            Varint.append(UInt64(utf8.count), to: &out)
            out += utf8
        }
        Varint.append(UInt64(deletions.count), to: &out)
        for deletion in deletions {
            Varint.append(UInt64(deletion.agent), to: &out)
            Varint.append(UInt64(deletion.seq), to: &out)
            Varint.append(UInt64(deletion.length), to: &out)
        }
        return out
    }

    /// Merges an update from another replica.
    public func merge(_ update: [UInt8]) throws {
        if update.starts(with: Self.magic) {
            let other = try SequenceText(decoding: update)
            if leaves.isEmpty, count == 0, chars.allSatisfy(\.isEmpty) { return adopt(other) }
            let (insertions, deletions) = other.delta(since: version)
            return try apply(insertions: insertions, deletions: deletions, agents: other.agents)
        }
        guard update.starts(with: Self.updateMagic) else { throw SnapshotError.badFormat }
        var reader = Varint.Reader(bytes: update, position: Self.updateMagic.count)
        let feeds = try (0..<reader.int()).map { _ in
            guard let feed = FeedID(bytes: Array(try reader.bytes(32))) else { throw SnapshotError.badFormat }
            return feed
        }
        func agentID(_ value: UInt32) throws -> UInt32 {
            guard Int(value) < feeds.count else { throw SnapshotError.badFormat }
            return value
        }
        let insertions = try (0..<reader.int()).map { _ in
            let agent = try agentID(try reader.uint32()), seq = try reader.uint32()
            let left = try Self.readID(&reader), right = try Self.readID(&reader)
            let text = Array(String(decoding: try reader.bytes(try reader.int()), as: UTF8.self).unicodeScalars)
            return TextInsertion(agent: agent, seq: seq, left: left, right: right, text: text)
        }
        let deletions = try (0..<reader.int()).map { _ in
            TextDeletion(agent: try agentID(try reader.uint32()), seq: try reader.uint32(), length: try reader.uint32())
        }
        guard reader.position == update.count else { throw SnapshotError.badFormat }
        try apply(insertions: insertions, deletions: deletions, agents: feeds)
    }

    /// Insertions (as runs, in an order where each one's origins come first) and deletions
    /// this text has beyond `version`, with agent numbers of this text.
    func delta(since version: [FeedID: UInt32]) -> (insertions: [TextInsertion], deletions: [TextDeletion]) {
        var fragments: [[TextInsertion]] = Array(repeating: [], count: agents.count)
        var deletions: [TextDeletion] = []
        for leaf in leaves {
            for run in leaf.runs {
                let from = version[agents[Int(run.agent)]] ?? 0
                if run.deleted { deletions.append(TextDeletion(agent: run.agent, seq: run.seq, length: run.length)) }
                guard run.seq + run.length > from else { continue }
                let skip = from > run.seq ? from - run.seq : 0
                let seq = run.seq + skip
                fragments[Int(run.agent)].append(TextInsertion(
                    agent: run.agent, seq: seq, left: run.left(at: skip), right: run.right,
                    text: Array(chars[Int(run.agent)][Int(seq)..<Int(run.seq + run.length)])))
            }
        }
        // Each agent's characters in seq order, fragments split by later insertions joined again.
        let queues = fragments.map { list in
            list.sorted { $0.seq < $1.seq }.reduce(into: [TextInsertion]()) { runs, next in
                if var last = runs.last, last.seq + UInt32(last.text.count) == next.seq, last.right == next.right,
                    next.left == CharID(agent: last.agent, seq: next.seq - 1)
                {
                    last.text += next.text
                    runs[runs.count - 1] = last
                } else {
                    runs.append(next)
                }
            }
        }
        // A causal order: take from each agent's queue what is ready, round after round.
        var typedSoFar = agents.indices.map { UInt32(version[agents[$0]] ?? 0) }
        var positions = Array(repeating: 0, count: queues.count)
        var ordered: [TextInsertion] = []
        ordered.reserveCapacity(queues.reduce(0) { $0 + $1.count })
        func ready(_ id: CharID) -> Bool { id.isNone || id.seq < typedSoFar[Int(id.agent)] }
        var progress = true
        while progress {
            progress = false
            for agent in queues.indices {
                while positions[agent] < queues[agent].count {
                    let next = queues[agent][positions[agent]]
                    guard next.seq == typedSoFar[agent], ready(next.left), ready(next.right) else { break }
                    ordered.append(next)
                    typedSoFar[agent] = next.seq + UInt32(next.text.count)
                    positions[agent] += 1
                    progress = true
                }
            }
        }
        return (ordered, deletions)
    }

    private func apply(insertions: [TextInsertion], deletions: [TextDeletion], agents feeds: [FeedID]) throws {
        let map = feeds.map { agent($0) }
        func local(_ id: CharID) -> CharID { id.isNone ? id : CharID(agent: map[Int(id.agent)], seq: id.seq) }
        for insertion in insertions {
            try apply(TextInsertion(agent: map[Int(insertion.agent)], seq: insertion.seq, left: local(insertion.left),
                                    right: local(insertion.right), text: insertion.text))
        }
        for deletion in deletions {
            try apply(TextDeletion(agent: map[Int(deletion.agent)], seq: deletion.seq, length: deletion.length))
        }
    }

    private func adopt(_ other: SequenceText) {
        agents = other.agents
        agentIndex = other.agentIndex
        chars = other.chars
        leaves = other.leaves
        count = other.count
        index = other.index
        indexBuilt = false
        cacheLeaf = 0
        cacheStart = 0
    }
}
