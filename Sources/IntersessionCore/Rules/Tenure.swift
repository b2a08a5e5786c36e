/// A span of a feed's own seqs: from `from` through `through` (nil: still open).
public struct SeqInterval: Sendable, Hashable, Comparable {
    public var from: Int64
    public var through: Int64?

    public init(from: Int64, through: Int64?) {
        self.from = from
        self.through = through
    }

    public func contains(_ seq: Int64) -> Bool { seq >= from && through.map { seq <= $0 } ?? true }

    public var isOpen: Bool { through == nil }

    public static func < (lhs: SeqInterval, rhs: SeqInterval) -> Bool {
        (lhs.from, lhs.through ?? .max) < (rhs.from, rhs.through ?? .max)
    }
}

/// One standing (a role, or the pen of a draft) held over a feed's own seqs: each start counts
/// from a seq, each end names the last seq that still counts. Nothing here reads a clock or a
/// value the holder signs, so every replica that holds the same starts and ends agrees.
public struct Tenure: Sendable, Hashable {
    public private(set) var starts: [Int64] = []
    public private(set) var ends: [Int64] = []

    public init(starts: [Int64] = [], ends: [Int64] = []) {
        self.starts = Array(Set(starts)).sorted()
        self.ends = Array(Set(ends)).sorted()
    }

    public mutating func start(from seq: Int64) {
        guard !starts.contains(seq) else { return }
        starts.append(seq)
        starts.sort()
    }

    public mutating func end(after seq: Int64) {
        guard !ends.contains(seq) else { return }
        ends.append(seq)
        ends.sort()
    }

    /// Held at `seq`: the latest start at or before it, not ended between that start and `seq`.
    public func holds(at seq: Int64) -> Bool {
        guard let start = starts.last(where: { $0 <= seq }) else { return false }
        return !ends.contains { $0 >= start - 1 && $0 < seq }
    }

    /// The spans where `holds(at:)` is true, one per start that leads to any seq held, in order.
    public var intervals: [SeqInterval] {
        var spans: [SeqInterval] = []
        for (index, start) in starts.enumerated() {
            let nextStart = index + 1 < starts.count ? starts[index + 1] - 1 : nil
            let firstEnd = ends.first { $0 >= start - 1 }
            let through: Int64? = switch (firstEnd, nextStart) {
            case (nil, nil): nil
            case (let end?, nil): end
            case (nil, let next?): next
            case (let end?, let next?): min(end, next)
            }
            if let through, through < start { continue }
            spans.append(SeqInterval(from: start, through: through))
        }
        return spans
    }

    /// The same standing, cut off after `seq` (a removal).
    public func capped(after seq: Int64?) -> [SeqInterval] {
        guard let seq else { return intervals }
        return intervals.compactMap { span in
            guard span.from <= seq else { return nil }
            return SeqInterval(from: span.from, through: min(span.through ?? seq, seq))
        }
    }
}
