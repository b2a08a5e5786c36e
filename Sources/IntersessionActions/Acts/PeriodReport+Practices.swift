import IntersessionCore
import IntersessionStore

/// The report's practices: each one added, updated, endorsed, published, withdrawn or
/// superseded in the period (by the clock of the change that took the step, as every fact of
/// the report), with the steps it took then and where they left it.
extension PeriodReport {
    static let reportedSteps: Set<String> = ["create", "update", "endorse", "publish", "withdraw", "supersede"]

    func practices() -> [String] {
        record.practices.compactMap { practice -> String? in
            let steps = practice.history.filter { $0.stands && period.contains(millis: $0.at) }
            let reported = steps.filter { Self.reportedSteps.contains($0.kind) }
            guard let last = steps.last, !reported.isEmpty else { return nil }
            let summary = practice.summary
            let person = summary.submitter.name + (summary.submitter.delegation.isEmpty ? "" : " (" + summary.submitter.delegation + ")")
            let events = reported.map { step in
                text("practiceStep." + step.kind, step.version.map(String.init) ?? "", MeetingReport.inline(editionTitle(step.edition)))
                    + " (" + CalendarDay.utc(step.at) + ")"
            }
            return text("practice", MeetingReport.inline(summary.title.text(in: words.language)), MeetingReport.inline(person),
                        events.joined(separator: words.listSeparator), text("practiceState." + last.state))
        }
    }

    private func editionTitle(_ id: String?) -> String {
        guard let id else { return "" }
        return record.editions.first { $0.id == id }?.title.text(in: words.language) ?? id
    }
}
