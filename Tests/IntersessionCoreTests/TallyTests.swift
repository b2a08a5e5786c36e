import Testing
@testable import IntersessionCore

@Suite struct TallyTests {
    @Test func proposalsByMajorityAndBlock() {
        let positions: [Position] = [.agree, .agree, .agree, .disagree, .abstain]
        #expect(ProposalTally.tally(positions, majority: .simple).adopted)
        #expect(ProposalTally.tally(positions, majority: .twoThirds).adopted)  // 3 of 4
        #expect(!ProposalTally.tally(positions, majority: .consensus).adopted)
        #expect(!ProposalTally.tally(positions + [.disagree], majority: .twoThirds).adopted)  // 3 of 5
        let blocked = ProposalTally.tally(positions + [.block], majority: .simple)
        #expect(!blocked.adopted && blocked.blocked && blocked.counts[.block] == 1)
        #expect(!ProposalTally.tally([.abstain, .abstain], majority: .simple).adopted)
        #expect(!ProposalTally.tally([], majority: .consensus).adopted)
        #expect(ProposalTally.tally([.agree, .abstain], majority: .consensus).adopted)
    }

    @Test func twoThirdsAtTheBoundary() {
        #expect(ProposalTally.tally([.agree, .agree, .disagree], majority: .twoThirds).adopted)
        #expect(!ProposalTally.tally([.agree, .agree, .disagree, .disagree], majority: .twoThirds).adopted)
        #expect(ProposalTally.tally(Array(repeating: .agree, count: 10) + Array(repeating: .disagree, count: 5), majority: .twoThirds).adopted)
        #expect(!ProposalTally.tally(Array(repeating: .agree, count: 9) + Array(repeating: .disagree, count: 5), majority: .twoThirds).adopted)
    }

    @Test func choices() {
        #expect(ChoiceTally.tally([[0], [1], [1], [2]], options: 3) == ([1, 2, 1], [1]))
        #expect(ChoiceTally.tally([[0, 1], [1, 2], [0]], options: 3) == ([2, 2, 1], [0, 1]))
        #expect(ChoiceTally.tally([[0, 0, 5]], options: 2) == ([1, 0], [0]))
        #expect(ChoiceTally.tally([], options: 2).winners.isEmpty)
    }

    @Test func instantRunoffWithEliminations() {
        // A: 4 first, B: 3, C: 2 (C's ballots go to B): B wins in round 2.
        let ballots = [[0], [0], [0], [0], [1, 0], [1], [1], [2, 1], [2, 1]]
        let result = InstantRunoff.tally(ballots, options: 3)
        #expect(result.winner == 1)
        #expect(result.rounds.count == 2)
        #expect(result.rounds[0].eliminated == 2)
        #expect(result.rounds[1].counts == [0: 4, 1: 5])
    }

    @Test func instantRunoffMajorityInTheFirstRound() {
        let result = InstantRunoff.tally([[1], [1], [0, 1]], options: 2)
        #expect(result.winner == 1 && result.rounds.count == 1)
    }

    @Test func instantRunoffTiesAndExhaustedBallots() {
        // B and C tie at 1 in round one; the earlier rounds cannot tell them apart, nor the first
        // preferences: the higher index (C) goes. Then A (2) against B (1 + C's ballot 1 = 2):
        // a tie for the majority; the elimination tie between equal counts again drops the higher.
        let ballots = [[0], [0], [1], [2, 1]]
        let result = InstantRunoff.tally(ballots, options: 3)
        #expect(result.rounds[0].eliminated == 2)
        #expect(result.rounds[1].counts == [0: 2, 1: 2])
        #expect(result.rounds[1].eliminated == 1)
        #expect(result.winner == 0)
        // Ballots naming only eliminated options are exhausted: C's, then B's two after B falls
        // to the tie-break, so A wins with the 2 ballots still counting.
        let exhausting = InstantRunoff.tally([[0], [0], [1], [1], [2]], options: 3)
        #expect(exhausting.winner == 0)
        #expect(exhausting.exhausted == 3)
        #expect(InstantRunoff.tally([], options: 2).winner == nil)
    }

    @Test func oneBallotPerDelegation() {
        let a = DeviceKey().feed, b = DeviceKey().feed, c = DeviceKey().feed
        func ballot(_ voter: FeedID, _ delegation: String, _ millis: Int64, _ choice: Int) -> DelegationBallots.Ballot<Int> {
            .init(voter: voter, delegation: delegation, stamp: ChangeStamp(hlc: HLC(millis: millis, counter: 0), author: voter, seq: millis),
                  choice: choice)
        }
        let ballots = [ballot(a, "Japan", 1, 0), ballot(b, "Japan", 2, 1), ballot(a, "Japan", 3, 1), ballot(c, "France", 1, 0)]
        let byPerson = DelegationBallots.resolve(ballots, perDelegation: false)
        #expect(byPerson.counted.count == 3 && byPerson.conflicting.isEmpty)
        let byDelegation = DelegationBallots.resolve(ballots, perDelegation: true)
        #expect(byDelegation.counted.map(\.choice).sorted() == [0, 1])
        #expect(byDelegation.conflicting.isEmpty)  // a changed their vote to agree with b
        let split = DelegationBallots.resolve([ballot(a, "Japan", 1, 0), ballot(b, "Japan", 2, 1)], perDelegation: true)
        #expect(split.conflicting == ["Japan"] && split.counted.map(\.choice) == [1])
    }

    @Test func silenceBrokenAndUnbroken() {
        #expect(SilenceProcedure.outcome([]) == .adopted)
        let a = DeviceKey().feed, b = DeviceKey().feed
        let first = SilenceProcedure.Objection(by: b, reason: "Paragraph 4 needs more work",
                                               stamp: ChangeStamp(hlc: HLC(millis: 5, counter: 0), author: b, seq: 3))
        let later = SilenceProcedure.Objection(by: a, reason: "Agree with the objection",
                                               stamp: ChangeStamp(hlc: HLC(millis: 9, counter: 0), author: a, seq: 4))
        #expect(SilenceProcedure.outcome([later, first]) == .broken(first: first, objections: 2))
    }
}
