/// The text's whole state as bytes, to keep in the store and load in one pass: the agents'
/// feeds, the characters each typed (UTF-8), and the runs in document order with their
/// origins. Varints throughout; see the DocC article "Draft text".
extension SequenceText {
    static let magic: [UInt8] = Array("ISTX1".utf8)

    public func encoded() -> [UInt8] {
        var out = Self.magic
        out.reserveCapacity(64 + chars.reduce(0) { $0 + $1.count } + runCount * 8)
        Varint.append(UInt64(agents.count), to: &out)
        for (agent, feed) in agents.enumerated() {
            out += feed.bytes
            var utf8: [UInt8] = []
            utf8.reserveCapacity(chars[agent].count)
            for scalar in chars[agent] { UTF8.encode(scalar) { utf8.append($0) } }
            Varint.append(UInt64(chars[agent].count), to: &out)
            Varint.append(UInt64(utf8.count), to: &out)
            out += utf8
        }
        Varint.append(UInt64(runCount), to: &out)
        for leaf in leaves {
            for run in leaf.runs {
                Varint.append(UInt64(run.agent), to: &out)
                Varint.append(UInt64(run.seq), to: &out)
                Varint.append(UInt64(run.length) << 1 | (run.deleted ? 1 : 0), to: &out)
                Self.append(run.left, to: &out)
                Self.append(run.right, to: &out)
            }
        }
        return out
    }

    public convenience init(decoding bytes: [UInt8]) throws(SnapshotError) {
        self.init()
        var reader = Varint.Reader(bytes: bytes, position: Self.magic.count)
        guard bytes.starts(with: Self.magic) else { throw .badFormat }
        let agentCount = try reader.int()
        for _ in 0..<agentCount {
            guard let feed = FeedID(bytes: Array(try reader.bytes(32))) else { throw .badFormat }
            let agent = Int(agent(feed))
            let scalarCount = try reader.int()
            let utf8 = try reader.bytes(try reader.int())
            chars[agent] = Array(String(decoding: utf8, as: UTF8.self).unicodeScalars)
            guard chars[agent].count == scalarCount else { throw .badFormat }
        }
        let runs = try reader.int()
        var current: [TextRun] = []
        current.reserveCapacity(TextLeaf.capacity)
        for _ in 0..<runs {
            let agent = try reader.uint32(), seq = try reader.uint32(), packed = try reader.value()
            let run = TextRun(agent: agent, seq: seq, length: UInt32(packed >> 1), deleted: packed & 1 == 1,
                              left: try Self.readID(&reader), right: try Self.readID(&reader))
            guard Int(agent) < agents.count, Int(run.seq) + Int(run.length) <= chars[Int(agent)].count else { throw .badFormat }
            current.append(run)
            if current.count == TextLeaf.capacity / 2 {
                appendLeaf(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { appendLeaf(current) }
        guard reader.position == bytes.count else { throw .badFormat }
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
