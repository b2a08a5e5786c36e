import IntersessionCore

/// The roles of one feed over its seqs: grants from a seq, revocations after a seq, and
/// removals (a revocation of every role, final).
struct RoleHistory: Equatable {
    struct Grant: Equatable, Comparable {
        var role: Role
        var from: Int64
        static func < (lhs: Grant, rhs: Grant) -> Bool { (lhs.role.rawValue, lhs.from) < (rhs.role.rawValue, rhs.from) }
    }

    struct Revocation: Equatable, Comparable {
        /// Nil: every role (a removal).
        var role: Role?
        var last: Int64
        static func < (lhs: Revocation, rhs: Revocation) -> Bool {
            (lhs.role?.rawValue ?? "", lhs.last) < (rhs.role?.rawValue ?? "", rhs.last)
        }
    }

    var grants: [Grant] = []
    var revocations: [Revocation] = []

    /// After this seq nothing from the feed counts.
    var removedAfter: Int64? { revocations.filter { $0.role == nil }.map(\.last).min() }

    /// The roles held at `seq`: the latest grant of a role at or before it, not ended by a
    /// revocation between that grant and `seq`, and no removal before `seq`.
    func roles(at seq: Int64) -> Set<Role> {
        if let removed = removedAfter, seq > removed { return [] }
        var held: Set<Role> = []
        for role in Set(grants.map(\.role)) {
            guard let start = grants.filter({ $0.role == role && $0.from <= seq }).map(\.from).max() else { continue }
            let ended = revocations.contains { $0.role == role && $0.last < seq && $0.last >= start - 1 }
            if !ended { held.insert(role) }
        }
        return held
    }

    var normalised: RoleHistory { RoleHistory(grants: grants.sorted(), revocations: revocations.sorted()) }
}

/// What a pass of a rebuild found: each feed's roles and each thread's lock. The next pass
/// judges every change by it, until a pass finds the same again (see `rebuild()`).
struct Authority: Equatable {
    var roles: [FeedID: RoleHistory] = [:]
    var locks: [EntityID: String] = [:]
}
