/// Content-defined chunking (a gear rolling hash, FastCDC-style with normalised chunking): cut
/// points depend on the bytes around them, not on their offset, so a file changed in one place
/// keeps the cut points (and so the chunks) of its unchanged parts, and shares them in a folder.
///
/// The gear table is drawn once from a fixed seed: every replica and every version cuts the
/// same bytes the same way, so the same file added twice is stored once.
public struct ContentChunker: Sendable {
    public let minimum: Int
    public let average: Int
    public let maximum: Int
    /// Harder to match before the average size, easier after: sizes gather around the average.
    let strictMask: UInt64
    let looseMask: UInt64

    /// 256 KiB, 1 MiB, 4 MiB: what attachments are cut with.
    public static let standard = ContentChunker(minimum: 256 << 10, average: 1 << 20, maximum: 4 << 20)

    /// `average` a power of two; `minimum` ≤ `average` ≤ `maximum`.
    public init(minimum: Int, average: Int, maximum: Int) {
        precondition(minimum > 0 && minimum <= average && average <= maximum && average & (average - 1) == 0)
        self.minimum = minimum
        self.average = average
        self.maximum = maximum
        let bits = average.trailingZeroBitCount
        strictMask = Self.topBits(bits + 2)
        looseMask = Self.topBits(max(1, bits - 2))
    }

    /// The chunks of `bytes`, as consecutive ranges covering it (none for no bytes).
    public func ranges(of bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { buffer in
            var ranges: [Range<Int>] = []
            var start = 0
            while start < buffer.count {
                let end = start + cut(buffer, from: start)
                ranges.append(start..<end)
                start = end
            }
            return ranges
        }
    }

    /// The length of the chunk that begins at `start`.
    func cut(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let remaining = buffer.count - start
        if remaining <= minimum { return remaining }
        let normal = min(average, remaining), end = min(maximum, remaining)
        var hash: UInt64 = 0
        var index = minimum
        let gear = Self.gear
        while index < normal {
            hash = (hash << 1) &+ gear[Int(buffer[start + index])]
            if hash & strictMask == 0 { return index + 1 }
            index += 1
        }
        while index < end {
            hash = (hash << 1) &+ gear[Int(buffer[start + index])]
            if hash & looseMask == 0 { return index + 1 }
            index += 1
        }
        return end
    }

    /// The high bits: after 64 shifts, the hash's top bits depend on the last 64 bytes seen.
    static func topBits(_ count: Int) -> UInt64 { count >= 64 ? .max : ~(UInt64.max >> UInt64(count)) }

    static let gear: [UInt64] = {
        var random = SplitMix64(seed: 0x6174_7461_6368_3137)
        return (0..<256).map { _ in random.next() }
    }()
}
