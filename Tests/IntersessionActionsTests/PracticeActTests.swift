import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore

/// The acts of the library refuse, with a typed phrase and before signing, what the rules would
/// not count; an edition's document is the record's, byte for byte, in either language.
@Suite struct PracticeActTests {
    func request() -> Actions.PracticeRequest {
        var request = Actions.PracticeRequest()
        request.title = [.en: "Pre-arrival data", .fr: "Données préalables"]
        request.summary = [.en: "Parcels declared before arrival."]
        request.sections = [.lessons: [.en: "Start | with *platforms*."]]
        request.topics = ["best-practices"]
        request.original = .en
        return request
    }

    @Test func eachStepIsRefusedBeforeSigningWhenItsRuleWouldNotCountIt() throws {
        let fixture = try ActionsFixture()
        let delegate = try fixture.actions(fixture.delegateHome)
        var missing = request()
        missing.original = .fr
        #expect(throws: PracticeError.originalMissing(language: "fr")) { try delegate.submitPractice(missing) }
        var noTopic = request()
        noTopic.topics = []
        #expect(throws: PracticeError.badTopics(count: 0, limit: 7)) { try delegate.submitPractice(noTopic) }
        let practice = try delegate.submitPractice(request())
        try fixture.sync(fixture.delegateHome)
        try fixture.sync(fixture.secretariatHome)
        let secretariat = try fixture.actions(fixture.secretariatHome)
        let before = try fixture.head(fixture.delegateHome)
        #expect(throws: PracticeError.needsRole(step: "review", who: "secretariat")) { try delegate.takeStep(.review, of: practice.hex) }
        #expect(throws: PracticeError.notSubmitter(practice: practice.short)) { try secretariat.takeStep(.withdraw, of: practice.hex) }
        #expect(throws: PracticeError.needsRole(step: "endorse", who: "cochair")) { try secretariat.takeStep(.endorse, of: practice.hex) }
        #expect(throws: PracticeError.notAllowed(step: "open", state: "submitted")) { try secretariat.takeStep(.open, of: practice.hex) }
        #expect(throws: PracticeError.nothingToChange) { try delegate.updatePractice(practice.hex, Actions.PracticeRequest()) }
        var same = Actions.PracticeRequest()
        same.summary = [.en: "Parcels declared before arrival."]
        #expect(throws: PracticeError.nothingToChange) { try delegate.updatePractice(practice.hex, same) }
        #expect(throws: PracticeError.supersededBySelf) { try secretariat.takeStep(.supersede, of: practice.hex, newer: practice.hex) }
        #expect(try fixture.head(fixture.delegateHome) == before, "nothing was signed")
        var french = Actions.PracticeRequest()
        french.summary = [.fr: "Colis déclarés avant l’arrivée."]
        _ = try delegate.updatePractice(practice.hex, french)
        let detail = try delegate.store.practice(practice.hex)
        #expect(detail.summary.version == 2)
        #expect(detail.current?.summary == detail.versions[1].summary)
        #expect(detail.current?.summary.fr == "Colis déclarés avant l’arrivée.")
        #expect(detail.current?.summary.en == "Parcels declared before arrival.", "what the update does not give is kept")
    }

    @Test func anEditionDocumentIsTheRecordsInEitherLanguage() throws {
        let fixture = try ActionsFixture()
        let secretariat = try fixture.actions(fixture.secretariatHome)
        _ = try secretariat.grant(.cochair, toFeed: secretariat.me)
        let delegate = try fixture.actions(fixture.delegateHome)
        try fixture.sync(fixture.secretariatHome)
        try fixture.sync(fixture.delegateHome)
        let practice = try delegate.submitPractice(request())
        try fixture.sync(fixture.delegateHome)
        try fixture.sync(fixture.secretariatHome)
        let chair = try fixture.actions(fixture.secretariatHome)
        let edition = try chair.newEdition(title: [.en: "2027 edition", .fr: "Édition 2027"])
        #expect(throws: PracticeError.versionNotPublished(practice: practice.short, version: "1")) {
            try chair.addToEdition(edition.hex, practice: practice.hex)
        }
        for kind in [PracticeStepKind.review, .open, .endorse] { _ = try chair.takeStep(kind, of: practice.hex) }
        _ = try chair.takeStep(.publish, of: practice.hex, edition: "2027 edition")
        try fixture.sync(fixture.secretariatHome)
        try fixture.sync(fixture.delegateHome)
        let here = EditionDocument(try chair.store.edition(edition.hex), language: .en).markdown
        let there = EditionDocument(try delegate.store.edition(edition.hex), language: .en).markdown
        #expect(here == there)
        #expect(here.contains("## 1. Pre-arrival data\n"))
        #expect(here.contains("Submitted by Kenji (Japan Customs)."))
        #expect(here.contains("### Lessons learned\n\nStart | with *platforms*.\n"))
        let french = EditionDocument(try delegate.store.edition(edition.hex), language: .fr).markdown
        #expect(french.contains("title: \"Édition 2027\""))
        #expect(french.contains("## 1. Données préalables\n"))
        #expect(french.contains("*Texte disponible en anglais seulement.*"))
        #expect(!french.contains("report.edition."), "a key without a text")
    }

    @Test func everyPracticeErrorReadsInBothLanguagesWithTheSameArguments() {
        for error in PracticeError.examples {
            switch error {
            case .notSubmitter, .needsRole, .notAllowed, .originalMissing, .badTopics, .observerCannotSubmit, .nothingToChange,
                 .supersededBySelf, .versionNotPublished, .unknownVersion: break
            }
            let english = Phrasebook(language: .en).texts[error.phrase.key], french = Phrasebook(language: .fr).texts[error.phrase.key]
            #expect(english != nil && french != nil, "\(error.phrase.key) lacks a text")
            let places = { (text: String?) in Set((0..<5).map { "{\($0)}" }.filter { text?.contains($0) == true }) }
            #expect(places(english) == places(french), "\(error.phrase.key)")
            #expect(places(english).count == Set(error.phrase.arguments.indices).count, "\(error.phrase.key)")
        }
        for kind in ["practice", "edition", "version"] {
            #expect(Phrasebook(language: .fr).texts["error.store.notFound." + kind] != nil)
        }
    }
}
