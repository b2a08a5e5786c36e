/// A position on a proposal. A block is a principled objection: with consensus it stops the
/// proposal whatever the count.
public enum Position: String, Sendable, Hashable, CaseIterable {
    case agree, abstain, disagree, block
}

/// How many agreements a proposal needs among the positions that are not abstentions.
public enum Majority: String, Sendable, Hashable {
    /// More agree than disagree.
    case simple
    /// At least two thirds of those who agree or disagree.
    case twoThirds = "two-thirds"
    /// No one disagrees (abstaining is allowed).
    case consensus
}

public struct ProposalResult: Sendable, Hashable {
    public var counts: [Position: Int]
    public var adopted: Bool
    /// The proposal failed because of a block.
    public var blocked: Bool
}

public enum ProposalTally {
    /// A block stops the proposal; otherwise the majority decides, abstentions aside. No
    /// position at all adopts nothing.
    public static func tally(_ positions: [Position], majority: Majority) -> ProposalResult {
        var counts = Dictionary(uniqueKeysWithValues: Position.allCases.map { ($0, 0) })
        for position in positions { counts[position, default: 0] += 1 }
        let agree = counts[.agree]!, disagree = counts[.disagree]!
        let blocked = counts[.block]! > 0
        let adopted: Bool
        switch majority {
        case .simple: adopted = agree > disagree
        case .twoThirds: adopted = agree > 0 && 3 * agree >= 2 * (agree + disagree)
        case .consensus: adopted = agree > 0 && disagree == 0
        }
        return ProposalResult(counts: counts, adopted: adopted && !blocked, blocked: blocked)
    }
}
