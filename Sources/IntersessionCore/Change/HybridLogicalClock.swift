/// A hybrid logical clock stamp: wall-clock milliseconds plus a counter that breaks ties and
/// keeps stamps increasing when clocks disagree. Used for display and last-writer-wins only.
public struct HLC: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let millis: Int64
    public let counter: Int64

    public init(millis: Int64, counter: Int64) {
        self.millis = millis
        self.counter = counter
    }

    public static let zero = HLC(millis: 0, counter: 0)

    /// The stamp for a new change: after everything this replica has seen, and at least `now`.
    public static func next(after latest: HLC, now: Int64) -> HLC {
        now > latest.millis ? HLC(millis: now, counter: 0) : HLC(millis: latest.millis, counter: latest.counter + 1)
    }

    public static func < (lhs: HLC, rhs: HLC) -> Bool {
        (lhs.millis, lhs.counter) < (rhs.millis, rhs.counter)
    }

    public var description: String { "\(millis).\(counter)" }
}
