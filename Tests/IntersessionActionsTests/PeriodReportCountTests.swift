import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore

/// The report's counts say "1 participant" and "2 participants", in English and in French, and
/// every counted text of the report has its singular in both catalogs.
@Suite struct PeriodReportCountTests {
    static let period = ReportPeriod(from: "2026-01-01", to: "2026-12-31")!

    /// A meeting in the period with `participants` registered (the secretariat, then Japan).
    func report(participants: Int, language: Language) throws -> String {
        let fixture = try ActionsFixture()
        let secretariat = try fixture.actions(fixture.secretariatHome)
        let meeting = try secretariat.convene(.init(title: "First meeting", number: "1", starts: "2026-05-18", ends: "2026-05-20"))
        try secretariat.register(for: meeting.hex, capacity: .secretariat)
        if participants > 1 {
            try fixture.sync(fixture.secretariatHome)
            try fixture.sync(fixture.delegateHome)
            try fixture.actions(fixture.delegateHome).register(for: meeting.hex)
            try fixture.sync(fixture.delegateHome)
            try fixture.sync(fixture.secretariatHome)
        }
        let store = try fixture.secretariatHome.openStore()
        let record = try PeriodReport.record(from: store, period: Self.period, language: language)
        return PeriodReport(record, period: Self.period, to: nil, symbol: "WGEC/2026/REP", language: language).markdown
    }

    @Test func oneParticipantFromOneDelegationIsSingular() throws {
        let english = try report(participants: 1, language: .en)
        #expect(english.contains(": 1 participant from 1 delegation. By category: Secretariat, 1."), "\(english)")
        let french = try report(participants: 1, language: .fr)
        #expect(french.contains("\u{202F}: 1 participant de 1 délégation. Par catégorie"), "\(french)")
    }

    @Test func twoParticipantsFromTwoDelegationsArePlural() throws {
        let english = try report(participants: 2, language: .en)
        #expect(english.contains(": 2 participants from 2 delegations."), "\(english)")
        let french = try report(participants: 2, language: .fr)
        #expect(french.contains("\u{202F}: 2 participants de 2 délégations."), "\(french)")
    }

    @Test func everyCountedTextOfTheReportHasItsSingularInBothLanguages() throws {
        for language in Language.allCases {
            let texts = try Phrasebook.load(language)
            let counted = texts.keys.filter { $0.hasPrefix("report.period.count.") && !$0.hasSuffix(".one") }
            #expect(counted.count >= 5, "\(language)")
            for key in counted {
                #expect(texts[key + ".one"] != nil, "\(language): \(key).one")
                #expect(texts[key]?.contains("{0}") == true && texts[key + ".one"]?.contains("{0}") == true, "\(language): \(key)")
            }
            // The sentences take their counts whole: no number of theirs is followed by a noun of its own.
            for key in ["report.period.meeting", "report.period.held", "report.period.topic"] {
                #expect(texts[key]?.range(of: #"\{\d\} (participant|delegation|délégation|contribution|member|membre|unanswered|préoccupation)"#, options: .regularExpression) == nil, "\(language): \(key) = \(texts[key] ?? "")")
            }
        }
    }
}
