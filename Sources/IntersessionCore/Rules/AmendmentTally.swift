/// A member's stance on an amendment as signed: support or oppose, in the feed's change `seq`
/// (the op's index in that change breaks a tie within one change).
public struct AmendmentStance: Sendable, Hashable {
    public var feed: String
    public var seq: Int64
    public var opIndex: Int
    public var supports: Bool

    public init(feed: String, seq: Int64, opIndex: Int = 0, supports: Bool) {
        self.feed = feed
        self.seq = seq
        self.opIndex = opIndex
        self.supports = supports
    }
}

/// Where an amendment stands: who supports it and who opposes it, by feed.
public struct AmendmentTally: Sendable, Hashable, Codable {
    public var supporters: [String]
    public var opponents: [String]

    public init(supporters: [String] = [], opponents: [String] = []) {
        self.supporters = supporters
        self.opponents = opponents
    }

    public var support: Int { supporters.count }
    public var oppose: Int { opponents.count }

    /// The counting rule, the one every replica and every front end uses: one stance per
    /// member, the one in the latest change of their feed (within one change, the first op
    /// stands, as the store keeps it); only those who are members when the stance is counted
    /// (`members`, by feed) count. Nothing depends on a clock, a delivery order or an unsigned
    /// field: the same stances in any order give the same tally.
    public static func count(_ stances: some Sequence<AmendmentStance>, members: Set<String>) -> AmendmentTally {
        var latest: [String: AmendmentStance] = [:]
        for stance in stances where members.contains(stance.feed) {
            guard let held = latest[stance.feed] else { latest[stance.feed] = stance; continue }
            if stance.seq > held.seq || (stance.seq == held.seq && stance.opIndex < held.opIndex) { latest[stance.feed] = stance }
        }
        let standing = latest.values.sorted { $0.feed < $1.feed }
        return AmendmentTally(supporters: standing.filter(\.supports).map(\.feed), opponents: standing.filter { !$0.supports }.map(\.feed))
    }
}
