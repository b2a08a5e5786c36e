/// Single and multiple choice polls: each option's count, and the winners (several on a tie).
public enum ChoiceTally {
    /// `ballots` lists, per voter, the options chosen (one for a single choice poll).
    public static func tally(_ ballots: [[Int]], options: Int) -> (counts: [Int], winners: [Int]) {
        var counts = Array(repeating: 0, count: options)
        for ballot in ballots {
            for option in Set(ballot) where counts.indices.contains(option) { counts[option] += 1 }
        }
        let best = counts.max() ?? 0
        let winners = best == 0 ? [] : counts.indices.filter { counts[$0] == best }
        return (counts, winners)
    }
}
