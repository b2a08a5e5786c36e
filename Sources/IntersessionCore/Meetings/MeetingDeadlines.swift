/// A deadline that has passed while what it was set for is still open: it prompts the co-chairs
/// to close (a phase, or an item's comments). It never closes anything itself: a phase ends only
/// at a co-chair's close, with its frontier.
public enum PassedDeadline: Sendable, Hashable {
    /// A phase opened and not closed, past the deadline of its latest opening.
    case phase(MeetingPhaseKind, deadline: Int64)
    /// An item's own comment deadline, passed while its comments are still open.
    case itemComments(item: String, number: String, deadline: Int64)
}

/// Which deadlines prompt at a given moment. The moment is the reader's clock: it decides only
/// what is shown, never a count or a permission.
public enum MeetingDeadlines {
    public struct Phase: Sendable {
        public var kind: MeetingPhaseKind
        public var opened: Bool
        public var closed: Bool
        public var deadline: Int64?
        public init(kind: MeetingPhaseKind, opened: Bool, closed: Bool, deadline: Int64?) {
            self.kind = kind
            self.opened = opened
            self.closed = closed
            self.deadline = deadline
        }
    }

    public struct Item: Sendable {
        public var id: String
        public var number: String
        public var deadline: Int64?
        public var commentsClosed: Bool
        public init(id: String, number: String, deadline: Int64?, commentsClosed: Bool) {
            self.id = id
            self.number = number
            self.deadline = deadline
            self.commentsClosed = commentsClosed
        }
    }

    /// The deadlines passed at `now` (milliseconds since 1970): phases first, in their order,
    /// then items in the agenda's order. An item's own deadline prompts only while the comment
    /// phase is open and the item's comments are not closed.
    public static func passed(phases: [Phase], items: [Item], now: Int64) -> [PassedDeadline] {
        var passed: [PassedDeadline] = phases.compactMap { phase in
            guard phase.opened, !phase.closed, let deadline = phase.deadline, deadline <= now else { return nil }
            return .phase(phase.kind, deadline: deadline)
        }
        let commentsOpen = phases.contains { $0.kind == .comment && $0.opened && !$0.closed }
        guard commentsOpen else { return passed }
        for item in items where !item.commentsClosed {
            guard let deadline = item.deadline, deadline <= now else { continue }
            passed.append(.itemComments(item: item.id, number: item.number, deadline: deadline))
        }
        return passed
    }
}
