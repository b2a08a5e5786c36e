import IntersessionCore

/// Turns the ballots that count into a poll's result, with the core's tallies.
enum PollTally {
    static func result(_ poll: PollCreate, _ ballots: [DelegationBallots.Ballot<String>], names: [FeedID: String],
                       candidates: [Candidate] = []) -> PollResult {
        let choices = ballots.map { PollJSON.parse($0.choice) }
        var result = PollResult(counts: [:], winners: [], rounds: [], eliminated: [], exhausted: 0)
        let options = { (ballot: JSONValue?) in ballot?["options"]?.arrayValue?.compactMap { $0.intValue.map(Int.init) } ?? [] }
        switch poll.kind {
        case .proposal:
            let positions = choices.compactMap { $0?["position"]?.stringValue.flatMap(Position.init(rawValue:)) }
            let tally = ProposalTally.tally(positions, majority: poll.majority)
            result.counts = Dictionary(uniqueKeysWithValues: tally.counts.map { ($0.key.rawValue, $0.value) })
            result.adopted = tally.adopted
            result.blocked = tally.blocked
        case .single, .multiple:
            let tally = ChoiceTally.tally(choices.map(options), options: poll.options.count)
            result.counts = Dictionary(uniqueKeysWithValues: poll.options.enumerated().map { ($0.element, tally.counts[$0.offset]) })
            result.winners = tally.winners.map { poll.options[$0] }
        case .ranked:
            let tally = InstantRunoff.tally(choices.map(options), options: poll.options.count)
            result.rounds = tally.rounds.map { round in
                Dictionary(uniqueKeysWithValues: round.counts.map { (poll.options[$0.key], $0.value) })
            }
            result.eliminated = tally.rounds.compactMap(\.eliminated).map { poll.options[$0] }
            result.winners = tally.winner.map { [poll.options[$0]] } ?? []
            result.counts = result.rounds.last ?? [:]
            result.exhausted = tally.exhausted
        case .election:
            // Ranked preferences among the candidates who stand; names of others are skipped.
            let index = Dictionary(candidates.enumerated().map { ($0.element.feed, $0.offset) }) { first, _ in first }
            let preferences = choices.map { ($0?["candidates"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap { index[$0] } } }
            let labels = candidates.map(\.label)
            let tally = InstantRunoff.tally(preferences, options: candidates.count)
            result.rounds = tally.rounds.map { round in Dictionary(uniqueKeysWithValues: round.counts.map { (labels[$0.key], $0.value) }) }
            result.eliminated = tally.rounds.compactMap(\.eliminated).map { labels[$0] }
            result.winners = tally.winner.map { [candidates[$0].name] } ?? []
            result.elected = tally.winner.map { candidates[$0].feed }
            result.counts = result.rounds.last ?? [:]
            result.exhausted = tally.exhausted
        case .silence:
            let objections = zip(ballots, choices).compactMap { ballot, choice -> SilenceProcedure.Objection? in
                guard choice?["objection"]?.boolValue == true else { return nil }
                return .init(by: ballot.voter, reason: choice?["reason"]?.stringValue ?? "", stamp: ballot.stamp)
            }
            switch SilenceProcedure.outcome(objections) {
            case .adopted:
                result.adopted = true
            case .broken(let first, let count):
                result.adopted = false
                result.brokenBy = names[first.by] ?? first.by.short
                result.reason = first.reason
                result.counts = ["objections": count]
            }
        }
        return result
    }
}
