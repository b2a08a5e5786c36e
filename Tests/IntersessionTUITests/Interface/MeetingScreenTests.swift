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
            if let registering = state.registering {
                let heading = switch registering.step {
                case .member: catalog[.meetingRegisterWho]
                case .capacity: catalog[.meetingRegisterCapacity]
                case .delegation: catalog[.meetingRegisterDelegation]
                case .category: catalog[.meetingCategoryAsItStands]
                }
                return [heading, registering.members[registering.member].name]
            }
            return [String(state.agenda.current?.title.prefix(10) ?? "?"), catalog[.meetingPhasesTitle]]
        case .item(let state):
            guard let item = state.item else { return ["?"] }
            if case .answer = state.prompt { return [catalog[.meetingAnswerPrompt], String(item.concerns[0].text.prefix(12))] }
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

    @Test func aCochairAnswersAConcernAfterConfirmingAndTheItemIsReleased() throws {
        let fixture = try DemoFixture(peer: "cochair-fr", language: .fr)
        fixture.press(Self.item + [.character("a")])
        let text = fixture.screen().joined(separator: "\n")
        #expect(text.contains("Paragraph 4 should name"), "the concern being answered is shown:\n\(text)")
        fixture.type("Les seuils seront nommés dans la Rev.2.")
        fixture.press(.enter)
        let question = try #require(fixture.runtime.model.confirmation?.question)
        #expect(question.contains("Kenji"), "\(question)")
        fixture.press(.character("o"))
        guard case .meetings(.item(let state)) = fixture.runtime.model.screen else { Issue.record("left the item"); return }
        #expect(state.item?.concerns.first?.answers == ["Les seuils seront nommés dans la Rev.2."])
        #expect(state.item?.standing == "open")
        #expect(fixture.runtime.model.flash == Catalog(language: .fr)[.meetingConcernAnswered])
    }

    @Test func withNoConcernWaitingAnsweringSaysSoAndADelegateHasNoSuchKey() throws {
        let fixture = try DemoFixture(peer: "cochair-fr")
        fixture.press(Self.meeting + [.enter, .character("a")])
        #expect(fixture.runtime.model.flash == Catalog(language: .en)[.meetingNoOpenConcern])
        let delegate = try DemoFixture()
        delegate.press(Self.item + [.character("a")])
        guard case .meetings(.item(let state)) = delegate.runtime.model.screen else { Issue.record("left the item"); return }
        #expect(state.prompt == nil)
    }

    @Test func aCochairRegistersAnInvitedExpertForTheMeeting() throws {
        let fixture = try DemoFixture(peer: "cochair-fr")
        fixture.press(Self.meeting + [.character("P")])
        guard case .meetings(.meeting(let state)) = fixture.runtime.model.screen, let prompt = state.registering else {
            Issue.record("no registration prompt")
            return
        }
        let chosen = try #require(prompt.members.firstIndex { $0.name.hasPrefix("Kenji") })
        fixture.press(Array(repeating: Key.down, count: chosen) + [.enter])
        let expert = try #require(RegistrationPrompt.capacities.firstIndex(of: .expert))
        fixture.press(Array(repeating: Key.down, count: expert) + [.enter])
        fixture.type(" (expert)")
        fixture.press(.enter)
        guard case .meetings(.meeting(let after)) = fixture.runtime.model.screen else { Issue.record("left the meeting"); return }
        #expect(after.registering == nil)
        let kenji = try #require(after.detail?.participants.first { $0.person.name.hasPrefix("Kenji") })
        #expect(kenji.capacity == ParticipantCapacity.expert.rawValue)
        #expect(kenji.delegation == prompt.members[chosen].organisation + " (expert)")
        #expect(fixture.runtime.model.flash == Catalog(language: .en)[.meetingParticipantRegistered])
    }

    /// The secretariat also says in which category the delegation takes part, for every
    /// meeting; the meeting's participation line counts delegations as the report does.
    @Test func theSecretariatRegistersAPartnerOrganisationAndCategorisesIt() throws {
        let fixture = try DemoFixture(peer: "secretariat")
        fixture.press(Self.meeting + [.character("P")])
        guard case .meetings(.meeting(let state)) = fixture.runtime.model.screen, let prompt = state.registering else {
            Issue.record("no registration prompt")
            return
        }
        #expect(prompt.bySecretariat)
        let chosen = try #require(prompt.members.firstIndex { $0.name.hasPrefix("Kenji") })
        fixture.press(Array(repeating: Key.down, count: chosen) + [.enter, .enter])
        fixture.press(Array(repeating: Key.backspace, count: 40))
        fixture.type("Universal Postal Union")
        fixture.press(.enter)
        guard case .meetings(.meeting(let picking)) = fixture.runtime.model.screen, picking.registering?.step == .category else {
            Issue.record("no category step")
            return
        }
        #expect(fixture.screen().joined().contains("Universal Postal Union"))
        let partner = try #require(RegistrationPrompt.categories.firstIndex(of: .partner))
        fixture.press(Array(repeating: Key.down, count: partner) + [.enter])
        guard case .meetings(.meeting(let after)) = fixture.runtime.model.screen, let detail = after.detail else {
            Issue.record("left the meeting")
            return
        }
        #expect(after.registering == nil)
        let kenji = try #require(detail.participants.first { $0.person.name.hasPrefix("Kenji") })
        #expect(kenji.delegation == "Universal Postal Union" && kenji.category == DelegationKind.partner.rawValue)
        let catalog = Catalog(language: .en)
        #expect(fixture.screen().joined(separator: "\n").contains(catalog[.delegationKindPartner] + " 1"))
        #expect(fixture.runtime.model.flash == catalog[.meetingParticipantRegistered])
    }

    @Test func aCochairIsNotAskedTheCategory() throws {
        let fixture = try DemoFixture(peer: "cochair-fr")
        fixture.press(Self.meeting + [.character("P"), .enter, .enter, .enter])
        guard case .meetings(.meeting(let state)) = fixture.runtime.model.screen else { Issue.record("left the meeting"); return }
        #expect(state.registering == nil)
    }

    @Test func escapeLeavesTheRegistrationAndADelegateCannotOpenIt() throws {
        let fixture = try DemoFixture(peer: "cochair-fr")
        fixture.press(Self.meeting + [.character("P"), .down, .enter, .escape])
        guard case .meetings(.meeting(let state)) = fixture.runtime.model.screen else { Issue.record("left the meeting"); return }
        #expect(state.registering == nil)
        let delegate = try DemoFixture()
        delegate.press(Self.meeting + [.character("P")])
        guard case .meetings(.meeting(let other)) = delegate.runtime.model.screen else { Issue.record("left the meeting"); return }
        #expect(other.registering == nil)
    }

    @Test func aDelegateCommentsOnAnItemFromItsView() throws {
        let fixture = try DemoFixture()
        fixture.press(Self.meeting + [.down, .down, .enter, .character("c")])
        guard case .compose(let compose) = fixture.runtime.model.screen, case .itemComment(_, "3") = compose.kind else {
            Issue.record("no comment being written on item 3")
            return
        }
        fixture.type("Japan has other business.")
        fixture.press(.ctrl("s"))
        guard case .meetings(.item(let state)) = fixture.runtime.model.screen else { Issue.record("not back on the item"); return }
        #expect(state.item?.comments.map(\.body) == ["Japan has other business."])
    }

    /// The pickers of the registration (typing prompts take every key, as the others do).
    @Test func helpListsTheKeysOfTheRegistrationPickers() throws {
        for (peer, keys) in [("cochair-fr", [Key.character("P")]), ("cochair-fr", [.character("P"), .enter]),
                             ("secretariat", [.character("P"), .enter, .enter, .enter])] {
            let registering = try DemoFixture(peer: peer)
            registering.press(Self.meeting + keys)
            let top = registering.runtime.model
            registering.press(.down)
            BindingsTests.check([top, registering.runtime.model], "registering, after \(keys.count) keys")
        }
    }
}
