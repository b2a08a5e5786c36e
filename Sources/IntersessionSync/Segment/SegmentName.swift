import IntersessionCore

/// The name of a segment file, `<first seq 12 digits>-<last seq 12 digits>.seg` (DESIGN §5).
/// Names are only a hint: a name that is not exactly this shape is ignored.
public struct SegmentName: Sendable, Hashable, Comparable {
    public let firstSeq: Int64
    public let lastSeq: Int64

    public init?(firstSeq: Int64, lastSeq: Int64) {
        guard firstSeq >= 1, lastSeq >= firstSeq, lastSeq < 1_000_000_000_000 else { return nil }
        self.firstSeq = firstSeq
        self.lastSeq = lastSeq
    }

    public init?(fileName: String) {
        let utf8 = Array(fileName.utf8)
        guard utf8.count == 29, utf8[12] == UInt8(ascii: "-"), fileName.hasSuffix(".seg"),
            utf8[0..<12].allSatisfy({ (0x30...0x39).contains($0) }),
            utf8[13..<25].allSatisfy({ (0x30...0x39).contains($0) }),
            let first = Int64(String(decoding: utf8[0..<12], as: UTF8.self)),
            let last = Int64(String(decoding: utf8[13..<25], as: UTF8.self))
        else { return nil }
        self.init(firstSeq: first, lastSeq: last)
    }

    public var fileName: String { "\(Self.padded(firstSeq))-\(Self.padded(lastSeq)).seg" }

    static func padded(_ seq: Int64) -> String {
        let digits = String(seq)
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    public static func < (lhs: SegmentName, rhs: SegmentName) -> Bool {
        (lhs.firstSeq, lhs.lastSeq) < (rhs.firstSeq, rhs.lastSeq)
    }
}
