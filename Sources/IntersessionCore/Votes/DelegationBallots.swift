/// When a poll counts one vote per delegation, several delegates of one delegation may vote.
/// The rule, the same on every replica: the delegation's ballot is the one with the greatest
/// stamp (the latest signed, by clock, then author, then seq); if its delegates cast different
/// ballots, the delegation is flagged so the co-chairs see it.
public enum DelegationBallots {
    public struct Ballot<Choice: Hashable>: Hashable {
        public var voter: FeedID
        public var delegation: String
        public var stamp: ChangeStamp
        public var choice: Choice

        public init(voter: FeedID, delegation: String, stamp: ChangeStamp, choice: Choice) {
            self.voter = voter
            self.delegation = delegation
            self.stamp = stamp
            self.choice = choice
        }
    }

    /// One ballot per voter (their latest), then one per delegation; and the delegations
    /// whose delegates disagreed.
    public static func resolve<Choice: Hashable>(_ ballots: [Ballot<Choice>], perDelegation: Bool)
        -> (counted: [Ballot<Choice>], conflicting: Set<String>)
    {
        let perVoter = Dictionary(grouping: ballots, by: \.voter).values.compactMap { $0.max { $0.stamp < $1.stamp } }
        guard perDelegation else { return (perVoter.sorted { $0.stamp < $1.stamp }, []) }
        var counted: [Ballot<Choice>] = []
        var conflicting: Set<String> = []
        for (delegation, group) in Dictionary(grouping: perVoter, by: \.delegation) {
            if Set(group.map(\.choice)).count > 1 { conflicting.insert(delegation) }
            if let latest = group.max(by: { $0.stamp < $1.stamp }) { counted.append(latest) }
        }
        return (counted.sorted { $0.stamp < $1.stamp }, conflicting)
    }
}
