import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore
@testable import IntersessionTUI

/// The report screen on the demo's record: the preview is the report the command line writes
/// (one renderer), the period, body and language change it, a co-chair makes it a draft (new,
/// or the next text of a report draft) after saying yes, and a delegate is told why not.
@Suite struct ReportScreenTests {
    static let open: [Key] = [.character("T")]

    static func state(_ fixture: DemoFixture) -> ReportScreenState? {
        if case .report(let state) = fixture.runtime.model.screen { return state }
        return nil
    }

    /// What must be on the report screen, whole.
    static func mustShow(_ state: ReportScreenState, _ model: Model) -> [String] {
        state.preview == nil ? [model.catalog[.reportMaking]] : [state.request.from, "1."]
    }

    static func commandLineReport(_ fixture: DemoFixture, _ request: ReportRequest) throws -> PeriodReport {
        try PeriodReport.make(from: fixture.session.store, period: #require(request.period), to: request.body, language: request.language)
    }

    @Test func theScreenOpensOnTheLastSixMonthsAndPreviewsTheCommandLinesReport() throws {
        let fixture = try DemoFixture(width: 120, height: 40)
        fixture.press(Self.open)
        let state = try #require(Self.state(fixture))
        #expect(state.request == ReportRequest(from: "2026-05-22", to: "2026-11-22", language: .en))
        let report = try Self.commandLineReport(fixture, state.request)
        #expect(state.preview?.markdown == report.markdown)
        #expect(state.preview?.symbol == "WGEC/2026/REP")
        let text = fixture.screen().joined(separator: "\n")
        #expect(text.contains("1. This report covers the group's work from 2026-05-22 to 2026-11-22"), "\(text)")
        #expect(text.contains("I. Period and mandate"))
        #expect(!text.contains("lang: en"), "the front matter is left out")
    }

    @Test func theBodyTheLanguageAndTheDaysChangeThePreview() throws {
        let fixture = try DemoFixture(width: 120, height: 40)
        fixture.press(Self.open + [.character("b"), .character("i")])
        var state = try #require(Self.state(fixture))
        #expect(state.request.body == .ptc && state.request.language == .fr)
        #expect(state.preview?.markdown == (try Self.commandLineReport(fixture, state.request)).markdown)
        #expect(fixture.screen().joined(separator: "\n").contains("Destinataire\u{202F}: Comité technique permanent."))
        fixture.press(.character("f"))
        fixture.press(Array(repeating: Key.backspace, count: 10))
        fixture.type("2026-13-01")
        fixture.press(.enter)
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.reportBadPeriod, "2026-13-01", "2026-11-22"])
        state = try #require(Self.state(fixture))
        #expect(state.request.from == "2026-05-22", "a bad day changes nothing")
        fixture.press(Array(repeating: Key.backspace, count: 10))
        fixture.type("2026-01-01")
        fixture.press(.enter)
        state = try #require(Self.state(fixture))
        #expect(state.prompt == nil && state.request.from == "2026-01-01")
        #expect(state.preview?.markdown == (try Self.commandLineReport(fixture, state.request)).markdown)
    }

    @Test func aCochairMakesTheReportADraftThenItsNextText() throws {
        let fixture = try DemoFixture(peer: "cochair-fr", width: 120, height: 40)
        let before = try fixture.session.store.drafts().count
        fixture.press(Self.open + [.character("d")])
        #expect(fixture.runtime.model.confirmation?.question == fixture.runtime.model.catalog[.confirmReportDraft, "2026-05-22", "2026-11-22"])
        #expect(try fixture.session.store.drafts().count == before, "nothing is signed before the yes")
        fixture.press(.character("y"))
        guard case .draft(let draft) = fixture.runtime.model.screen else { Issue.record("the draft does not open"); return }
        let report = try Self.commandLineReport(fixture, ReportRequest(from: "2026-05-22", to: "2026-11-22", language: .en))
        let detail = try fixture.session.store.draft(draft.id)
        #expect(detail.summary.symbol == "WGEC/2026/REP" && detail.summary.title == report.title)
        #expect(detail.text == report.draftText)
        #expect(draft.detail != nil, "the draft is shown as drafts are")
        // Again, for the year's first days, as the next text of that draft.
        fixture.press(Self.open + [.character("f")])
        fixture.press(Array(repeating: Key.backspace, count: 10))
        fixture.type("2026-01-01")
        fixture.press(.enter, .character("u"))
        #expect(Self.state(fixture)?.prompt == .draft(0))
        fixture.press(.enter)
        #expect(fixture.runtime.model.confirmation != nil)
        fixture.press(.character("y"))
        let next = try Self.commandLineReport(fixture, ReportRequest(from: "2026-01-01", to: "2026-11-22", language: .en))
        #expect(try fixture.session.store.draft(draft.id).text == next.draftText)
        #expect(try fixture.session.store.drafts().count == before + 1)
    }

    @Test func aDelegateSeesThePreviewAndIsToldWhyNot() throws {
        let fixture = try DemoFixture(peer: "delegate-jp", language: .fr)
        let before = try fixture.session.store.drafts().count
        fixture.press(Self.open + [.character("d")])
        #expect(fixture.runtime.model.confirmation == nil)
        #expect(fixture.runtime.model.flash == Catalog(language: .fr)[.reportDraftRefused])
        #expect(fixture.runtime.model.flash?.contains("Seuls un coprésident ou le secrétariat") == true)
        #expect(try fixture.session.store.drafts().count == before)
        #expect(Self.state(fixture)?.preview != nil)
    }

    @Test func helpListsExactlyTheKeysOfTheReportScreen() throws {
        for peer in ["delegate-jp", "cochair-fr"] {
            BindingsTests.check(BindingsTests.states(try DemoFixture(peer: peer), Self.open), "report as \(peer)")
        }
        // A co-chair with a report draft to choose from: u, and the chooser's keys.
        let fixture = try DemoFixture(peer: "cochair-fr")
        fixture.press(Self.open + [.character("d"), .character("y")])
        fixture.press(Self.open)
        let withDraft = fixture.runtime.model
        #expect(Bindings.of(withDraft).contains { $0.keys.contains("u") })
        fixture.press(.end)
        BindingsTests.check([withDraft, fixture.runtime.model], "report with a draft")
        fixture.press(.character("u"))
        BindingsTests.check([fixture.runtime.model], "report draft chooser")
    }
}
