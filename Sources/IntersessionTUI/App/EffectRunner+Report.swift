import IntersessionActions
import IntersessionCore
import IntersessionStore

extension EffectRunner {
    /// The report screen's preview and its making into a draft, through the same `PeriodReport`
    /// and `Actions.reportIntoDraft` as `intersession report`.
    func runReportEffect(_ effect: ReportEffect, _ session: Session) throws -> [Message] {
        let store = session.store
        switch effect {
        case .preview(let request):
            let report = try Self.report(request, store)
            let preview = ReportPreview(title: report.title, symbol: report.symbol, markdown: report.markdown)
            return [.report(.previewed(request, preview, drafts: try store.drafts().filter { $0.symbol == report.symbol }))]
        case .intoDraft(let request, let draft):
            let report = try Self.report(request, store)
            let id = try session.actions(clock: clock).reportIntoDraft(report, symbol: report.symbol, language: request.language, draft: draft)
            return [.report(.drafted(id: id.hex))]
        }
    }

    private static func report(_ request: ReportRequest, _ store: AppDatabase) throws -> PeriodReport {
        guard let period = request.period else { throw ReportPeriodError(from: request.from, to: request.to) }
        return try PeriodReport.make(from: store, period: period, to: request.body, language: request.language)
    }
}

/// A period that is not two days in order: the screen checks the days as they are typed, so
/// this only answers a request made some other way.
struct ReportPeriodError: Explained {
    let from: String
    let to: String

    var phrase: Phrase { Phrase(TextKey.reportBadPeriod.rawValue, [from.terminalSafe, to.terminalSafe]) }
}
