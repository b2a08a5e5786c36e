import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore

/// The acts of meetings refuse, with a typed phrase and before signing, what the rules would
/// not count or what a runner would regret; the summary report is the record's, byte for byte.
@Suite struct MeetingActTests {
    /// A meeting convened by the secretariat, with one item on a draft's named version, heard by the delegate.
    func meeting(_ fixture: ActionsFixture) throws -> (secretariat: Actions, meeting: EntityID, item: EntityID) {
        let secretariat = try fixture.actions(fixture.secretariatHome)
        let draft = try secretariat.newDraft(title: "Data model", topic: "general", symbol: "WGEC/2026/1", language: .en)
        _ = try secretariat.saveDraft(draft.hex, text: "The first paragraph.")
        _ = try secretariat.nameVersion(of: draft.hex, "Rev.1")
        var request = Actions.MeetingRequest(title: "First document-based meeting", number: "1", starts: "2026-05-18", ends: "2026-07-03")
        request.topic = "general"
        let meeting = try secretariat.convene(request)
        var item = Actions.ItemRequest()
        item.number = "3"
        item.title = "Data model"
        item.purpose = .decision
        item.documents = [draft.short + "@Rev.1"]
        let added = try secretariat.addItem(to: meeting.hex, item)
        try secretariat.openPhase(.comment, of: meeting.hex, days: 14)
        try fixture.sync(fixture.secretariatHome)
        try fixture.sync(fixture.delegateHome)
        return (secretariat, meeting, added)
    }

    @Test func aDelegateCannotRunTheMeetingAndNothingIsSigned() throws {
        let fixture = try ActionsFixture()
        let (_, meeting, item) = try meeting(fixture)
        let delegate = try fixture.actions(fixture.delegateHome)
        let before = try fixture.head(fixture.delegateHome)
        #expect(throws: MeetingError.notPresiding(meeting: meeting.short)) { try delegate.closePhase(.comment, of: meeting.hex) }
        #expect(throws: MeetingError.notPresiding(meeting: meeting.short)) {
            try delegate.setOutcome(of: item.hex, kind: .adopted, summary: "Adopted")
        }
        #expect(throws: ActionError.notModerator) {
            try delegate.convene(.init(title: "Mine", number: "2", starts: "2026-01-01", ends: "2026-01-02"))
        }
        #expect(try fixture.head(fixture.delegateHome) == before)
        try delegate.register(for: meeting.hex)
        #expect(try delegate.store.meeting(meeting.hex).participants.map(\.delegation) == ["Japan Customs"])
    }

    @Test func badInputIsRefusedInTheUsersLanguage() throws {
        let fixture = try ActionsFixture()
        let (secretariat, meeting, item) = try meeting(fixture)
        #expect(throws: MeetingError.badDate("18/05/2026")) {
            try secretariat.convene(.init(title: "T", number: "2", starts: "18/05/2026", ends: "2026-07-03"))
        }
        #expect(throws: MeetingError.datesOutOfOrder(starts: "2026-07-03", ends: "2026-05-18")) {
            try secretariat.convene(.init(title: "T", number: "2", starts: "2026-07-03", ends: "2026-05-18"))
        }
        #expect(throws: MeetingError.phaseNotOpen(phase: "concerns")) { try secretariat.closePhase(.concerns, of: meeting.hex) }
        var edit = Actions.ItemRequest()
        let draft = try #require(try secretariat.store.drafts().first?.id)
        edit.documents = [String(draft.prefix(8)) + "@Rev.9"]
        #expect(throws: MeetingError.unknownVersion(draft: String(draft.prefix(8)), version: "Rev.9", known: "Rev.1")) {
            try secretariat.editItem(item.hex, edit)
        }
        let french = Phrasebook(language: .fr).text(MeetingError.phaseNotOpen(phase: "concerns").phrase)
        #expect(french == "la phase concerns n’a jamais été ouverte ici\u{202F}: ouvrez-la d’abord")
    }

    @Test func aConcernKeepsTheItemOpenAndAnOutcomeWaitsForTheAnswer() throws {
        let fixture = try ActionsFixture()
        let (secretariat, meeting, item) = try meeting(fixture)
        let delegate = try fixture.actions(fixture.delegateHome)
        _ = try delegate.reply(to: item.hex, body: "We support paragraph 1.")
        try secretariat.openPhase(.concerns, of: meeting.hex, days: 7)
        try fixture.sync(fixture.secretariatHome)
        try fixture.sync(fixture.delegateHome)
        let concern = try delegate.raiseConcern(on: item.hex, text: "Paragraph 1 needs a definition.")
        try fixture.sync(fixture.delegateHome)
        try fixture.sync(fixture.secretariatHome)
        #expect(throws: MeetingError.concernsPending(item: "3", count: 1)) {
            try secretariat.setOutcome(of: item.hex, kind: .adopted, summary: "Adopted as amended.")
        }
        try secretariat.answerConcern(concern.hex, text: "A definition was added in Rev.2.")
        #expect(throws: MeetingError.alreadyAnswered(concern: concern.short)) { try secretariat.answerConcern(concern.hex, text: "Again") }
        try secretariat.setOutcome(of: item.hex, kind: .adopted, summary: "Adopted as amended.")
        let view = try secretariat.store.agendaItem(item.hex).item
        #expect(view.standing == "adopted")
        #expect(view.comments.count == 1)
        #expect(view.documents.first?.version == "Rev.1")
        // A second outcome replaces the first wherever it goes.
        let second = try secretariat.setOutcome(of: item.hex, kind: .endorsed, summary: "Endorsed.")
        #expect(try secretariat.store.agendaItem(item.hex).item.standingOutcome?.id == second.hex)
    }

    @Test func theSummaryReportIsTheRecordsInBothLanguages() throws {
        let fixture = try ActionsFixture()
        let (secretariat, meeting, item) = try meeting(fixture)
        try secretariat.register(for: meeting.hex, capacity: .secretariat)
        try secretariat.setOutcome(of: item.hex, kind: .deferred, summary: "To the next meeting | with *care*.")
        try fixture.sync(fixture.secretariatHome)
        try fixture.sync(fixture.delegateHome)
        let delegate = try fixture.actions(fixture.delegateHome)
        for language in Language.allCases {
            let mine = MeetingReport(try secretariat.store.meeting(meeting.hex), language: language).markdown
            let theirs = MeetingReport(try delegate.store.meeting(meeting.hex), language: language).markdown
            #expect(mine == theirs)
            #expect(!mine.contains("report.meeting."), "a key without a text in \(language)")
            #expect(mine.contains("WGEC/2026/1"))
            #expect(mine.contains("To the next meeting \\| with \\*care\\*."))
        }
        let french = MeetingReport(try secretariat.store.meeting(meeting.hex), language: .fr).markdown
        #expect(french.contains("## Points reportés"))
        #expect(french.contains("reporté à la prochaine réunion"))
    }

    @Test func everyMeetingErrorReadsInBothLanguagesWithTheSameArguments() {
        for error in MeetingError.examples {
            switch error {
            case .notPresiding, .badDate, .datesOutOfOrder, .noTopic, .phaseNotOpen, .phaseClosed, .itemCommentsClosed, .concernsPending,
                 .alreadyAnswered, .parentInOtherMeeting, .unknownVersion, .observerCannotRaise, .nothingToChange, .secretariatOnly,
                 .alreadyCategorised: break
            }
            let english = Phrasebook(language: .en).texts[error.phrase.key], french = Phrasebook(language: .fr).texts[error.phrase.key]
            #expect(english != nil && french != nil, "\(error.phrase.key) lacks a text")
            let places = { (text: String?) in Set((0..<5).map { "{\($0)}" }.filter { text?.contains($0) == true }) }
            #expect(places(english) == places(french), "\(error.phrase.key)")
            #expect(places(english).count == error.phrase.arguments.count, "\(error.phrase.key)")
        }
        #expect(MeetingError.examples.count == 15)
    }
}
