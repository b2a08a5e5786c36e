/// The text's whole state as bytes, to keep in the store and load in one pass: the agents'
/// feeds, the characters each typed (UTF-8), and the runs in document order with their
/// origins. Varints throughout; see the DocC article "Draft text".
extension SequenceText {
    static let magic: [UInt8] = Array("ISTX2".utf8)

    /// Flags of an encoded run, beside its length.
    enum RunFlag {
        static let deleted: UInt64 = 1
        /// Its left origin is the character before it in the text.
        static let leftIsPrevious: UInt64 = 2
        /// Its right origin is the character after it in the text.
        static let rightIsNext: UInt64 = 4
        /// Typed by the same agent as the run before it.
        static let sameAgent: UInt64 = 8
        static let bits: UInt64 = 4
    }

    public func encoded() -> [UInt8] {
        // Runs that split apart and now share a state are joined again.
        var runs: [TextRun] = []
        runs.reserveCapacity(runCount)
        for leaf in leaves {
            for run in leaf.runs {
                if let last = runs.last, last.deleted == run.deleted, last.agent == run.agent, last.seq + last.length == run.seq,
                    last.right == run.right, run.left == CharID(agent: last.agent, seq: run.seq - 1)
                {
                    runs[runs.count - 1].length += run.length
                } else {
                    runs.append(run)
                }
            }
        }
        var out = Self.magic
        Varint.append(UInt64(agents.count), to: &out)
        for (agent, feed) in agents.enumerated() {
            out += feed.bytes
            Varint.append(UInt64(chars[agent].count), to: &out)
        }
        // The visible characters in text order; deleted ones are not kept (history is in the log).
        var utf8: [UInt8] = []
        utf8.reserveCapacity(count)
        for run in runs where !run.deleted {
            for scalar in chars[Int(run.agent)][Int(run.seq)..<Int(run.seq + run.length)] { UTF8.encode(scalar) { utf8.append($0) } }
        }
        Varint.append(UInt64(utf8.count), to: &out)
        out += utf8
        Varint.append(UInt64(runs.count), to: &out)
        var nextSeq = Array(repeating: UInt32(0), count: agents.count)
        var previous = CharID.none, previousAgent = UInt32.max
        for (index, run) in runs.enumerated() {
            let following = index + 1 < runs.count ? CharID(agent: runs[index + 1].agent, seq: runs[index + 1].seq) : CharID.none
            var flags: UInt64 = run.deleted ? RunFlag.deleted : 0
            if run.left == previous { flags |= RunFlag.leftIsPrevious }
            if run.right == following { flags |= RunFlag.rightIsNext }
            if run.agent == previousAgent { flags |= RunFlag.sameAgent }
            Varint.append(UInt64(run.length) << RunFlag.bits | flags, to: &out)
            if run.agent != previousAgent { Varint.append(UInt64(run.agent), to: &out) }
            let delta = Int64(run.seq) - Int64(nextSeq[Int(run.agent)])
            Varint.append(UInt64(bitPattern: (delta << 1) ^ (delta >> 63)), to: &out)
            if flags & RunFlag.leftIsPrevious == 0 { Self.append(run.left, to: &out) }
            if flags & RunFlag.rightIsNext == 0 { Self.append(run.right, to: &out) }
            nextSeq[Int(run.agent)] = run.seq + run.length
            previous = CharID(agent: run.agent, seq: run.seq + run.length - 1)
            previousAgent = run.agent
        }
        return out
    }

    public convenience init(decoding bytes: [UInt8]) throws(SnapshotError) {
        self.init()
        guard bytes.starts(with: Self.magic) else { throw .badFormat }
        var reader = Varint.Reader(bytes: bytes, position: Self.magic.count)
        let agentCount = try reader.int()
        for _ in 0..<agentCount {
            guard let feed = FeedID(bytes: Array(try reader.bytes(32))) else { throw .badFormat }
            let agent = Int(agent(feed))
            // Deleted characters are not kept: they stand as U+FFFD.
            chars[agent] = Array(repeating: "\u{FFFD}", count: try reader.int())
        }
        // Copied into the runs' places a run at a time: a character at a time is several times slower.
        let visible = Array(String(decoding: try reader.bytes(try reader.int()), as: UTF8.self).unicodeScalars)
        var visibleUsed = 0
        let runCount = try reader.int()
        var nextSeq = Array(repeating: UInt32(0), count: agents.count)
        var previous = CharID.none, previousAgent = UInt32.max
        var pending: (run: TextRun, rightIsNext: Bool)?
        var current: [TextRun] = []
        current.reserveCapacity(TextLeaf.capacity)
        func flush(_ run: TextRun) {
            current.append(run)
            if current.count == TextLeaf.capacity / 2 {
                appendLeaf(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        for _ in 0..<runCount {
            let header = try reader.value()
            let flags = header & ((1 << RunFlag.bits) - 1), length = UInt32(truncatingIfNeeded: header >> RunFlag.bits)
            let agent = flags & RunFlag.sameAgent != 0 ? previousAgent : try reader.uint32()
            guard Int(agent) < agents.count, length > 0 else { throw .badFormat }
            let zigzag = try reader.value()
            let delta = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
            let seq64 = Int64(nextSeq[Int(agent)]) + delta
            guard seq64 >= 0, seq64 + Int64(length) <= Int64(chars[Int(agent)].count) else { throw .badFormat }
            let seq = UInt32(seq64)
            let left = flags & RunFlag.leftIsPrevious != 0 ? previous : try Self.readID(&reader)
            let rightIsNext = flags & RunFlag.rightIsNext != 0
            let right = rightIsNext ? CharID.none : try Self.readID(&reader)
            let run = TextRun(agent: agent, seq: seq, length: length, deleted: flags & RunFlag.deleted != 0, left: left, right: right)
            if !run.deleted {
                guard visibleUsed + Int(length) <= visible.count else { throw .badFormat }
                chars[Int(agent)].replaceSubrange(Int(seq)..<(Int(seq) + Int(length)),
                                                  with: visible[visibleUsed..<(visibleUsed + Int(length))])
                visibleUsed += Int(length)
            }
            if var waiting = pending {
                if waiting.rightIsNext { waiting.run.right = CharID(agent: agent, seq: seq) }
                flush(waiting.run)
            }
            pending = (run, rightIsNext)
            nextSeq[Int(agent)] = seq + length
            previous = CharID(agent: agent, seq: seq + length - 1)
            previousAgent = agent
        }
        // The last run's "next" is the end of the text.
        if let last = pending { flush(last.run) }
        if !current.isEmpty { appendLeaf(current) }
        guard reader.position == bytes.count, visibleUsed == visible.count else { throw .badFormat }
    }

    private func appendLeaf(_ runs: [TextRun]) {
        let leaf = TextLeaf(runs: runs, order: leaves.count)
        leaves.last?.next = leaf
        leaves.append(leaf)
        count += leaf.visible
    }

    /// An origin: 0 for none, else agent + 1 then seq.
    static func append(_ id: CharID, to out: inout [UInt8]) {
        if id.isNone { return out.append(0) }
        Varint.append(UInt64(id.agent) + 1, to: &out)
        Varint.append(UInt64(id.seq), to: &out)
    }

    static func readID(_ reader: inout Varint.Reader) throws(SnapshotError) -> CharID {
        let agent = try reader.value()
        if agent == 0 { return .none }
        return CharID(agent: UInt32(agent - 1), seq: try reader.uint32())
    }

    public enum SnapshotError: Error, Equatable {
        case badFormat
    }
}

/// LEB128 unsigned integers.
enum Varint {
    static func append(_ value: UInt64, to out: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    struct Reader {
        let bytes: [UInt8]
        var position: Int

        mutating func value() throws(SequenceText.SnapshotError) -> UInt64 {
            var result: UInt64 = 0, shift: UInt64 = 0
            while true {
                guard position < bytes.count, shift < 64 else { throw .badFormat }
                let byte = bytes[position]
                position += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return result }
                shift += 7
            }
        }

        mutating func int() throws(SequenceText.SnapshotError) -> Int {
            let value = try value()
            guard value < 1 << 40 else { throw .badFormat }
            return Int(value)
        }

        mutating func uint32() throws(SequenceText.SnapshotError) -> UInt32 {
            let value = try value()
            guard value < UInt64(UInt32.max) else { throw .badFormat }
            return UInt32(value)
        }

        mutating func bytes(_ count: Int) throws(SequenceText.SnapshotError) -> ArraySlice<UInt8> {
            guard count >= 0, position + count <= bytes.count else { throw .badFormat }
            defer { position += count }
            return bytes[position..<position + count]
        }
    }
}
