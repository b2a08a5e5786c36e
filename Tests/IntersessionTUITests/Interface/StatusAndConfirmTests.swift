import Testing
import IntersessionActions
import IntersessionCore
@testable import IntersessionTUI

@Suite struct StatusLineTests {
    @Test(arguments: [(80, 24), (60, 15)])
    func aLongErrorWrapsAndIsNeverCut(size: (Int, Int)) throws {
        let fixture = try DemoFixture(peer: "delegate-jp", width: size.0, height: size.1)
        let phrase = ActionError.pollClosed(poll: "0123abcd").phrase
        fixture.runtime.dispatch(.failed(phrase))
        let flash = try #require(fixture.runtime.model.flash)
        #expect(flash.cellWidth > size.0)  // longer than a line: the case that was cut
        let screen = fixture.screen()
        let bottom = screen.suffix(Chrome.statusRows(fixture.runtime.model)).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(bottom.count >= 2)
        #expect(bottom.joined(separator: " ") == flash)
        #expect(screen[0].contains(fixture.runtime.model.catalog[.topicsTitle]))  // the header stays
    }
}

@Suite struct ConfirmationTests {
    @Test(arguments: Language.allCases)
    func closingAPollAsksFirstInTheScreensLanguage(language: Language) throws {
        let fixture = try DemoFixture(peer: "cochair-fr", language: language)
        fixture.press(.character("V"), .enter)
        guard case .poll(let poll) = fixture.runtime.model.screen, let title = poll.detail?.summary.title else {
            Issue.record("not on a poll"); return
        }
        fixture.press(.character("C"))
        let catalog = fixture.runtime.model.catalog
        let screen = fixture.screen().joined(separator: "\n")
        #expect(screen.contains(catalog[.confirmTitle]))
        #expect(screen.contains(String(title.prefix(20))))
        #expect(screen.contains(catalog[.confirmHint]))
        fixture.press(.character("n"))
        #expect(try fixture.session.store.poll(poll.id).summary.closed == false)
        #expect(fixture.screen().last?.contains(catalog[.confirmCancelled]) == true)
    }

    @Test func everyIrreversibleEffectIsHeld() {
        let model = Model(language: .en, plain: false, width: 80, height: 24, now: 0, me: nil, groupTitle: "", start: .topics(ListState()))
        let feed = String(repeating: "ab", count: 32)
        let id = EntityID(hex: String(repeating: "cd", count: 16))!
        let held: [Effect] = [.closePoll(id: "p"), .grantRole(feed: feed, role: .cochair), .grantCochairTerm(feed: feed),
                              .revokeRole(feed: feed, role: nil), .revokeRole(feed: feed, role: .expert), .admit(feed: feed, invite: "i"),
                              .decideAmendment(id, accept: true, reason: nil), .decideAmendment(id, accept: false, reason: "no"),
                              .setDraftStatus(draft: "d", status: .adopted)]
        for effect in held {
            var copy = model
            #expect(Update.holdingIrreversible([effect], &copy).isEmpty)
            #expect(copy.confirmation?.effects == [effect])
            #expect(copy.confirmation?.question.isEmpty == false)
        }
        var copy = model
        #expect(Update.holdingIrreversible([.loadTopics, .vote(poll: "p", Ballot(position: .agree))], &copy).count == 2)
        #expect(copy.confirmation == nil)
    }

    @Test func inPlainModeTheVoteDialogHasTheCursor() throws {
        let fixture = try DemoFixture(peer: "delegate-jp", plain: true)
        fixture.press(.character("V"))
        guard case .polls(let list) = fixture.runtime.model.screen, let index = list.items.firstIndex(where: { $0.kind == "proposal" && !$0.closed })
        else { Issue.record("no open proposal"); return }
        for _ in 0..<index { fixture.press(.down) }
        fixture.press(.enter, .enter, .down)
        let screen = fixture.screen()
        let cursor = try #require(fixture.terminal.cursor)
        #expect(cursor.y < screen.count - 1)  // not the status line
        #expect(screen[cursor.y].contains("> " + fixture.runtime.model.catalog[.positionAbstain]))
    }

    @Test func inPlainModeTheConfirmationHasTheCursor() throws {
        let fixture = try DemoFixture(peer: "cochair-fr", language: .fr, plain: true)
        fixture.press(.character("V"), .enter, .character("C"))
        let screen = fixture.screen()
        let cursor = try #require(fixture.terminal.cursor)
        #expect(screen[cursor.y].contains("Clore le scrutin"))
    }
}
