import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionTUI

/// The meeting screens of the demo's meeting in progress: what each shows at every size and in
/// both languages, that help lists exactly their keys, and that closing a phase and recording
/// an outcome ask first.
@Suite struct MeetingScreenTests {
    static let list: [Key] = [.character("W")]
    static let meeting: [Key] = [.character("W"), .enter]
    /// The second item, the one on the draft, with comments and a concern waiting.
    static let item: [Key] = [.character("W"), .enter, .down, .enter]

    /// What must be on a meeting screen, whole.
    static func mustShow(_ screen: MeetingScreen, _ model: Model) -> [String] {
        let catalog = model.catalog
        switch screen {
        case .list(let list): return [String(list.current?.title.prefix(12) ?? "?")]
        case .meeting(let state):
            return [String(state.agenda.current?.title.prefix(10) ?? "?"), catalog[.meetingPhasesTitle]]
        case .item(let state):
            guard let item = state.item else { return ["?"] }
            return [catalog[.meetingItemComments, model.formats.number(item.comments.count), model.formats.number(item.lateComments)]]
        }
    }

    @Test func theDemoMeetingIsInProgress() throws {
        let fixture = try DemoFixture()
        fixture.press(Self.item)
        guard case .meetings(.item(let state)) = fixture.runtime.model.screen, let item = state.item else {
            Issue.record("not on the item")
            return
        }
        #expect(item.number == "2")
        #expect(item.comments.count == 2)
        #expect(item.standing == "held")
        #expect(!item.documents.isEmpty)
        let text = fixture.screen().joined(separator: "\n")
        #expect(text.contains(Catalog(language: .en)[.meetingStandingHeld]))
        #expect(text.contains("Paragraph 4 should name"))
    }

    @Test(arguments: [("list", Self.list), ("meeting", Self.meeting), ("item", Self.item)])
    func everyMeetingScreenHoldsWhatItMust(name: String, keys: [Key]) throws {
        for (width, height) in [(60, 15), (80, 24), (160, 48)] {
            for (language, plain) in [(Language.en, false), (.fr, false), (.en, true)] {
                let fixture = try DemoFixture(peer: "delegate-jp", language: language, width: width, height: height, plain: plain)
                fixture.press(keys)
                let lines = fixture.screen()
                let label = "\(name) \(language.rawValue)\(plain ? " plain" : "") \(width)x\(height)"
                #expect(lines.count == height, "\(label)")
                guard case .meetings(let screen) = fixture.runtime.model.screen else { Issue.record("\(label): not a meeting screen"); continue }
                let text = lines.joined(separator: "\n")
                for must in Self.mustShow(screen, fixture.runtime.model) {
                    #expect(text.contains(must), "\(label): “\(must)” missing:\n\(text)")
                }
                #expect(lines[height - 1].contains(fixture.runtime.model.catalog[.helpHint]), "\(label): the hint is cut")
            }
        }
    }

    @Test func helpListsExactlyTheKeysOfEachMeetingScreen() throws {
        for peer in ["delegate-jp", "cochair-fr"] {
            for (name, keys) in [("meetings", Self.list), ("meeting", Self.meeting)] {
                BindingsTests.check(BindingsTests.states(try DemoFixture(peer: peer), keys), "\(name) as \(peer)")
            }
            let fixture = try DemoFixture(peer: peer)
            fixture.press(Self.item)
            let top = fixture.runtime.model
            fixture.press(.down)
            BindingsTests.check([top, fixture.runtime.model], "item as \(peer)")
        }
    }

    @Test func closingAPhaseAsksFirstAndThenClosesIt() throws {
        let fixture = try DemoFixture(peer: "cochair-fr", language: .fr)
        fixture.press(Self.meeting + [.character("C")])
        let question = try #require(fixture.runtime.model.confirmation?.question)
        #expect(question.contains(Catalog(language: .fr)[.meetingPhaseComment]))
        fixture.press(.character("n"))
        #expect(fixture.runtime.model.confirmation == nil)
        fixture.press(.character("C"), .character("o"))
        guard case .meetings(.meeting(let state)) = fixture.runtime.model.screen else { Issue.record("left the meeting"); return }
        #expect(state.detail?.phases.first { $0.phase == "comment" }?.closed == true)
        #expect(fixture.runtime.model.flash == Catalog(language: .fr)[.meetingPhaseClosed])
    }

    @Test func anOutcomeWaitsForTheConcernsAnswerAndAsksFirst() throws {
        let fixture = try DemoFixture(peer: "cochair-fr")
        fixture.press(Self.item + [.character("O"), .down, .down, .enter])
        fixture.type("Deferred to the next meeting")
        fixture.press(.enter)
        let question = try #require(fixture.runtime.model.confirmation?.question)
        #expect(question.contains(Catalog(language: .en)[.outcomeAdopted]))
        fixture.press(.character("y"))
        // The delegate's concern is unanswered: the act refuses, in words, and nothing is recorded.
        let flash = try #require(fixture.runtime.model.flash)
        #expect(flash.contains("unanswered concerns"))
        guard case .meetings(.item(let state)) = fixture.runtime.model.screen else { Issue.record("left the item"); return }
        #expect(state.item?.outcomes.isEmpty == true)
    }

    @Test func aDelegateRaisesAConcern() throws {
        let fixture = try DemoFixture()
        fixture.press(Self.meeting + [.down, .down, .enter, .character("!")])
        fixture.type("Item 3 needs more time.")
        fixture.press(.enter)
        guard case .meetings(.item(let state)) = fixture.runtime.model.screen else { Issue.record("left the item"); return }
        #expect(state.item?.concerns.map(\.text) == ["Item 3 needs more time."])
        #expect(state.item?.standing == "held")
    }
}
