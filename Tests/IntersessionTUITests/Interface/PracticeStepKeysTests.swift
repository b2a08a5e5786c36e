import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore
@testable import IntersessionTUI

/// The practice steps the command line has and the interface gained: a new version (U: one
/// text in one language, in the editor), a return to the draft (T, the secretariat), a
/// supersession (N: pick the newer practice, then a yes), with the command line's refusals.
@Suite(.serialized) struct PracticeStepKeysTests {
    func practice(_ fixture: DemoFixture) -> PracticeScreenState? {
        guard case .library(.practice(let state)) = fixture.runtime.model.screen else { return nil }
        return state
    }

    @Test func aNewVersionChangesOneTextInOneLanguage() throws {
        let fixture = try DemoFixture(peer: "delegate-jp")
        fixture.press(LibraryScreenTests.practice)
        let before = try #require(practice(fixture)?.detail)
        fixture.press(.character("U"))
        #expect(practice(fixture)?.choosingText == 0)
        #expect(fixture.screen().joined(separator: "\n").contains(Catalog(language: .en)[.practiceTextPrompt]))
        fixture.press(.enter)
        guard case .compose(let compose) = fixture.runtime.model.screen else { Issue.record("no editor"); return }
        #expect(compose.body.text == before.summary.title.en)
        // Unchanged, it is refused as the command line refuses it, and nothing is signed.
        fixture.press(.ctrl("s"))
        let refusal = Catalog(language: .en).text(PracticeError.nothingToChange.phrase)
        #expect(fixture.runtime.model.flash?.contains(refusal) == true, "\(fixture.runtime.model.flash ?? "")")
        fixture.type(" (2027)")
        fixture.press(.ctrl("s"))
        let after = try #require(practice(fixture)?.detail)
        #expect(after.summary.version == before.summary.version + 1)
        #expect(after.summary.title.en == (before.summary.title.en ?? "") + " (2027)")
        #expect(after.summary.title.fr == before.summary.title.fr)
        #expect(practice(fixture)?.choosingText == nil)
    }

    @Test func theSecretariatReturnsASubmissionToItsDraft() throws {
        let fixture = try DemoFixture(peer: "secretariat", language: .fr)
        fixture.press(LibraryScreenTests.practice)
        #expect(practice(fixture)?.detail?.summary.state == "submitted")
        #expect(Set(Bindings.of(fixture.runtime.model).flatMap(\.keys)).contains("K"))
        fixture.press(.character("K"))
        #expect(fixture.runtime.model.confirmation == nil, "a return is not final: the submitter submits again")
        #expect(practice(fixture)?.detail?.summary.state == "draft")
        #expect(!Set(Bindings.of(fixture.runtime.model).flatMap(\.keys)).contains("K"))
    }

    @Test func supersedingPicksTheNewerPracticeAndAsksFirst() throws {
        let fixture = try DemoFixture(peer: "secretariat")
        var now = DemoFixture.now
        let acts = try fixture.session.actions(clock: { now += 60_000; return now })
        _ = try acts.grant(.cochair, toFeed: acts.me)
        fixture.press(LibraryScreenTests.practice)
        let shown = try #require(practice(fixture))
        #expect(!Set(Bindings.of(fixture.runtime.model).flatMap(\.keys)).contains("N"), "a submitted practice is not superseded")
        for kind in [PracticeStepKind.review, .open, .endorse] { try acts.takeStep(kind, of: shown.id) }
        fixture.press(.character("q"), .enter)
        #expect(Set(Bindings.of(fixture.runtime.model).flatMap(\.keys)).contains("N"))
        fixture.press(.character("N"))
        let choices = try #require(practice(fixture)?.newerChoices)
        #expect(!choices.isEmpty && !choices.contains { $0.id == shown.id })
        #expect(fixture.screen().joined(separator: "\n").contains(Catalog(language: .en)[.practiceNewerPrompt]))
        fixture.press(.enter)
        let question = try #require(fixture.runtime.model.confirmation?.question)
        #expect(question.contains(choices[0].title.text(in: .en)))
        fixture.press(.character("y"))
        #expect(practice(fixture)?.detail?.summary.state == "superseded")
        #expect(practice(fixture)?.detail?.summary.supersededBy == choices[0].id)
    }
}
