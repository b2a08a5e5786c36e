/// The roles of one feed over its own seqs (DESIGN §4): `member.role` starts a role from a seq,
/// `member.revoke` ends it after a seq, and `member.remove` ends every role after a seq, for
/// good. The rules judge each op by `roles(at:)`; the store materialises `intervals` from the
/// same value, so what members and eligibility show is exactly what counts.
public struct RoleHistory: Sendable, Hashable {
    public private(set) var tenures: [Role: Tenure] = [:]
    /// The end of each term by the start it came with (an expert's `until`, display only).
    public private(set) var terms: [Role: [Int64: Int64]] = [:]
    /// After this seq nothing from the feed counts.
    public private(set) var removedAfter: Int64?

    public init() {}

    public mutating func grant(_ role: Role, from seq: Int64, until: Int64? = nil) {
        tenures[role, default: Tenure()].start(from: seq)
        if let until { terms[role, default: [:]][seq] = max(terms[role]?[seq] ?? .min, until) }
    }

    /// Ends `role` after `seq`, or every role for good when `role` is nil (a removal).
    public mutating func revoke(_ role: Role?, after seq: Int64) {
        guard let role else {
            removedAfter = min(removedAfter ?? seq, seq)
            return
        }
        tenures[role, default: Tenure()].end(after: seq)
    }

    public func roles(at seq: Int64) -> Set<Role> {
        if let removedAfter, seq > removedAfter { return [] }
        return Set(tenures.filter { $0.value.holds(at: seq) }.keys)
    }

    /// The roles that count for the feed's next changes: those whose span is still open.
    public var current: Set<Role> { Set(intervals.filter { $0.span.isOpen }.map(\.role)) }

    public var isEmpty: Bool { tenures.isEmpty && removedAfter == nil }

    /// Every span of every role, with the term that came with the span's start.
    public var intervals: [RoleInterval] {
        tenures.keys.sorted { $0.rawValue < $1.rawValue }.flatMap { role in
            tenures[role]!.capped(after: removedAfter).map { span in
                RoleInterval(role: role, span: span, until: terms[role]?[span.from])
            }
        }
    }
}

/// A role held over a span of seqs, and the end of its term when it has one.
public struct RoleInterval: Sendable, Hashable {
    public var role: Role
    public var span: SeqInterval
    public var until: Int64?

    public init(role: Role, span: SeqInterval, until: Int64?) {
        self.role = role
        self.span = span
        self.until = until
    }
}
