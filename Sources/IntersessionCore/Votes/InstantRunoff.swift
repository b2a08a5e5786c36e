/// Ranked choice by instant runoff: count each ballot for its highest-ranked option still in
/// the race; an option with more than half of the ballots still counting wins; otherwise the
/// weakest is eliminated and its ballots pass to their next choices.
///
/// A tie for elimination is broken by the earlier rounds (the option with fewer votes in the
/// latest round where they differ goes), then by fewer first preferences, then by the higher
/// option index: every replica eliminates the same one.
public enum InstantRunoff {
    public struct Round: Sendable, Hashable {
        public var counts: [Int: Int]
        public var eliminated: Int?
    }

    public struct Result: Sendable, Hashable {
        public var winner: Int?
        public var rounds: [Round]
        /// Ballots with no option left in the final round.
        public var exhausted: Int
    }

    public static func tally(_ ballots: [[Int]], options: Int) -> Result {
        var remaining = Set(0..<options)
        var rounds: [Round] = []
        let valid = ballots.map { ballot in ballot.reduce(into: [Int]()) { if (0..<options).contains($1), !$0.contains($1) { $0.append($1) } } }
        while !remaining.isEmpty {
            var counts = Dictionary(uniqueKeysWithValues: remaining.map { ($0, 0) })
            var counting = 0
            for ballot in valid {
                if let choice = ballot.first(where: remaining.contains) {
                    counts[choice, default: 0] += 1
                    counting += 1
                }
            }
            if counting == 0 {
                rounds.append(Round(counts: counts, eliminated: nil))
                return Result(winner: nil, rounds: rounds, exhausted: ballots.count)
            }
            if let (winner, votes) = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), 2 * votes > counting {
                rounds.append(Round(counts: counts, eliminated: nil))
                return Result(winner: winner, rounds: rounds, exhausted: ballots.count - counting)
            }
            if remaining.count == 1 {
                rounds.append(Round(counts: counts, eliminated: nil))
                return Result(winner: remaining.first, rounds: rounds, exhausted: ballots.count - counting)
            }
            let fewest = counts.values.min()!
            let tied = counts.filter { $0.value == fewest }.map(\.key)
            let loser = tied.count == 1 ? tied[0] : breakTie(tied, rounds: rounds, firstRound: rounds.first?.counts ?? counts)
            rounds.append(Round(counts: counts, eliminated: loser))
            remaining.remove(loser)
        }
        return Result(winner: nil, rounds: rounds, exhausted: ballots.count)
    }

    static func breakTie(_ tied: [Int], rounds: [Round], firstRound: [Int: Int]) -> Int {
        for round in rounds.reversed() {
            let votes = tied.map { round.counts[$0] ?? 0 }
            let fewest = votes.min()!
            let still = tied.enumerated().filter { votes[$0.offset] == fewest }.map(\.element)
            if still.count == 1 { return still[0] }
        }
        let firsts = tied.map { firstRound[$0] ?? 0 }
        let fewest = firsts.min()!
        return tied.enumerated().filter { firsts[$0.offset] == fewest }.map(\.element).max()!
    }
}
