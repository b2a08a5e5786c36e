import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore

/// A vote (or objection, nomination, acceptance) on a poll this replica knows is closed would
/// never count: it is refused, with a typed error, and nothing is signed.
@Suite struct VoteTruthTests {
    @Test func aVoteOnAClosedPollIsRefusedAndNothingIsSigned() throws {
        let fixture = try ActionsFixture()
        let secretariat = try fixture.actions(fixture.secretariatHome)
        let poll = try #require(try secretariat.openPoll(.init(kind: .proposal, title: "Adopt the work plan")).first)
        try secretariat.vote(on: poll.hex, Ballot(position: .agree))
        try secretariat.close(poll: poll.hex)
        let before = try fixture.head(fixture.secretariatHome)
        #expect(throws: ActionError.pollClosed(poll: poll.short)) { try secretariat.vote(on: poll.hex, Ballot(position: .disagree)) }
        #expect(try fixture.head(fixture.secretariatHome) == before)
        #expect(try secretariat.store.poll(poll.hex).result?.counts["agree"] == 1)
    }

    @Test func anObjectionNominationOrAcceptanceOnAClosedPollIsRefused() throws {
        let fixture = try ActionsFixture()
        let secretariat = try fixture.actions(fixture.secretariatHome)
        var silence = Actions.PollRequest(kind: .silence, title: "Report to the PTC")
        silence.text = "The report as circulated."
        let text = try #require(try secretariat.openPoll(silence).first)
        var seat = Actions.PollRequest(kind: .election, title: nil)
        seat.seat = .administration
        let election = try #require(try secretariat.openPoll(seat).first)
        try secretariat.close(poll: text.hex)
        try secretariat.close(poll: election.hex)
        try fixture.sync(fixture.secretariatHome)
        try fixture.sync(fixture.delegateHome)
        let delegate = try fixture.actions(fixture.delegateHome)
        let before = try fixture.head(fixture.delegateHome)
        #expect(throws: ActionError.pollClosed(poll: text.short)) { try delegate.object(to: text.hex, reason: "Not yet.") }
        #expect(throws: ActionError.pollClosed(poll: election.short)) { try delegate.nominate(for: election.hex) }
        #expect(throws: ActionError.pollClosed(poll: election.short)) { try delegate.acceptNomination(for: election.hex) }
        #expect(try fixture.head(fixture.delegateHome) == before)
    }

    @Test func theRefusalReadsInBothLanguages() {
        let refusal = ActionError.pollClosed(poll: "1a2b3c4d").phrase
        #expect(Phrasebook(language: .en).text(refusal) == "poll 1a2b3c4d is closed here: a vote now would never count, so nothing was signed")
        #expect(Phrasebook(language: .fr).text(refusal) == "le scrutin 1a2b3c4d est clos ici\u{202F}: un vote ne compterait jamais, rien n’a été signé")
    }
}
