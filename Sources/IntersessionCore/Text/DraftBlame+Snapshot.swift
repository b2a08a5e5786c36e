/// A draft's blame as bytes, to keep in the store beside the text's CRDT: the feeds named,
/// then the edits (author, seq, clock, op index, base), each feed's insertions and deletions.
/// Varints throughout; see the DocC article "Draft text".
extension DraftBlame {
    static let magic: [UInt8] = Array("ISBL1".utf8)

    public func encoded() -> [UInt8] {
        var feeds: [FeedID] = [], numbers: [FeedID: UInt64] = [:]
        func number(_ feed: FeedID) -> UInt64 {
            if let known = numbers[feed] { return known }
            numbers[feed] = UInt64(feeds.count)
            feeds.append(feed)
            return UInt64(feeds.count - 1)
        }
        var body: [UInt8] = []
        Varint.append(UInt64(edits.count), to: &body)
        var previousMillis: Int64 = 0
        for edit in edits {
            Varint.append(number(edit.author), to: &body)
            Varint.append(UInt64(edit.seq), to: &body)
            Self.appendSigned(edit.order.millis &- previousMillis, to: &body)
            previousMillis = edit.order.millis
            Self.appendSigned(edit.order.counter, to: &body)
            Varint.append(UInt64(edit.order.opIndex), to: &body)
            Varint.append(UInt64(edit.base.count), to: &body)
            for (feed, seq) in edit.base.sorted(by: { $0.key.bytes.lexicographicallyPrecedes($1.key.bytes) }) {
                Varint.append(number(feed), to: &body)
                Varint.append(UInt64(seq), to: &body)
            }
        }
        Varint.append(UInt64(inserted.count), to: &body)
        for (feed, starts) in inserted.sorted(by: { $0.key.bytes.lexicographicallyPrecedes($1.key.bytes) }) {
            Varint.append(number(feed), to: &body)
            Varint.append(UInt64(starts.count), to: &body)
            for start in starts {
                Varint.append(UInt64(start.seq), to: &body)
                Varint.append(UInt64(start.edit), to: &body)
            }
        }
        Varint.append(UInt64(deleted.count), to: &body)
        for (feed, removals) in deleted.sorted(by: { $0.key.bytes.lexicographicallyPrecedes($1.key.bytes) }) {
            Varint.append(number(feed), to: &body)
            Varint.append(UInt64(removals.count), to: &body)
            for removal in removals {
                Varint.append(UInt64(removal.seq), to: &body)
                Varint.append(UInt64(removal.length), to: &body)
                Varint.append(UInt64(removal.edit), to: &body)
            }
        }
        var out = Self.magic
        Varint.append(UInt64(feeds.count), to: &out)
        for feed in feeds { out += feed.bytes }
        return out + body
    }

    public init(decoding bytes: [UInt8]) throws(SequenceText.SnapshotError) {
        self.init()
        guard bytes.starts(with: Self.magic) else { throw .badFormat }
        var reader = Varint.Reader(bytes: bytes, position: Self.magic.count)
        let feeds = try (0..<reader.int()).map { _ throws(SequenceText.SnapshotError) in
            guard let feed = FeedID(bytes: Array(try reader.bytes(32))) else { throw .badFormat }
            return feed
        }
        func feed(_ reader: inout Varint.Reader) throws(SequenceText.SnapshotError) -> FeedID {
            let number = try reader.int()
            guard number < feeds.count else { throw .badFormat }
            return feeds[number]
        }
        let editCount = try reader.int()
        edits.reserveCapacity(editCount)
        var millis: Int64 = 0
        for _ in 0..<editCount {
            let author = try feed(&reader), seq = Int64(try reader.int())
            millis &+= try Self.readSigned(&reader)
            let counter = try Self.readSigned(&reader), opIndex = Int64(try reader.int())
            var base: [FeedID: Int64] = [:]
            for _ in 0..<(try reader.int()) { base[try feed(&reader)] = Int64(try reader.int()) }
            edits.append(Edit(author: author, seq: seq, order: Order(millis: millis, counter: counter, author: author, seq: seq,
                                                                     opIndex: opIndex), base: base))
        }
        func editIndex(_ reader: inout Varint.Reader) throws(SequenceText.SnapshotError) -> Int {
            let index = try reader.int()
            guard index < editCount else { throw .badFormat }
            return index
        }
        for _ in 0..<(try reader.int()) {
            let owner = try feed(&reader)
            var starts: [Start] = []
            for _ in 0..<(try reader.int()) { starts.append(Start(seq: try reader.uint32(), edit: try editIndex(&reader))) }
            inserted[owner] = starts
        }
        for _ in 0..<(try reader.int()) {
            let owner = try feed(&reader)
            var removals: [Removal] = []
            for _ in 0..<(try reader.int()) {
                removals.append(Removal(seq: try reader.uint32(), length: try reader.uint32(), edit: try editIndex(&reader)))
            }
            guard zip(removals, removals.dropFirst()).allSatisfy({ $0.seq <= $1.seq }) else { throw .badFormat }
            deleted[owner] = removals
        }
        guard reader.position == bytes.count else { throw .badFormat }
    }

    static func appendSigned(_ value: Int64, to out: inout [UInt8]) {
        Varint.append(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &out)
    }

    static func readSigned(_ reader: inout Varint.Reader) throws(SequenceText.SnapshotError) -> Int64 {
        let zigzag = try reader.value()
        return Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
    }
}

extension DraftBlame.Block {
    /// `touched` as bytes (varints), to keep beside the block.
    public var encodedTouched: [UInt8] {
        var out: [UInt8] = []
        Varint.append(UInt64(touched.count), to: &out)
        for edit in touched { Varint.append(UInt64(edit), to: &out) }
        return out
    }

    public static func touched(decoding bytes: [UInt8]) throws(SequenceText.SnapshotError) -> [Int] {
        var reader = Varint.Reader(bytes: bytes, position: 0)
        let touched = try (0..<reader.int()).map { _ throws(SequenceText.SnapshotError) in try reader.int() }
        guard reader.position == bytes.count else { throw .badFormat }
        return touched
    }
}
