/// The order of last-writer-wins registers: the clock, then the author, then the seq.
/// Two different changes never share a stamp, so every replica picks the same winner.
public struct ChangeStamp: Sendable, Hashable, Comparable {
    public let hlc: HLC
    public let author: FeedID
    public let seq: Int64

    public init(hlc: HLC, author: FeedID, seq: Int64) {
        self.hlc = hlc
        self.author = author
        self.seq = seq
    }

    public static func < (lhs: ChangeStamp, rhs: ChangeStamp) -> Bool {
        if lhs.hlc != rhs.hlc { return lhs.hlc < rhs.hlc }
        if lhs.author != rhs.author { return lhs.author < rhs.author }
        return lhs.seq < rhs.seq
    }
}
