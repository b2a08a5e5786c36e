/// The silence procedure: a text is adopted at the deadline unless an eligible member objects
/// with a reason. The close's frontier, not a clock, decides which objections came in time.
public enum SilenceProcedure {
    public struct Objection: Sendable, Hashable {
        public var by: FeedID
        public var reason: String
        public var stamp: ChangeStamp

        public init(by: FeedID, reason: String, stamp: ChangeStamp) {
            self.by = by
            self.reason = reason
            self.stamp = stamp
        }
    }

    public enum Outcome: Sendable, Hashable {
        case adopted
        /// Broken by the first objection (by stamp), and how many objected in all.
        case broken(first: Objection, objections: Int)
    }

    public static func outcome(_ objections: [Objection]) -> Outcome {
        guard let first = objections.min(by: { $0.stamp < $1.stamp }) else { return .adopted }
        return .broken(first: first, objections: objections.count)
    }
}
