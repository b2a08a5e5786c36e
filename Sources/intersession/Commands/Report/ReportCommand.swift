import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A report to the committees for a period, from the record: numbered paragraphs, Markdown or DOCX, ODT, PDF through pandoc.")
    @OptionGroup var profile: ProfileOptions
    @Option(help: "The first day of the period, YYYY-MM-DD.") var from: String
    @Option(help: "The last day of the period, YYYY-MM-DD.") var to: String
    @Option(name: .customLong("to-body"), help: "Only the recommendations to this body: PTC, EC or PC (or SG).") var body: CommitteeBody?
    @Option(name: .customLong("in"), help: "The report's language, en or fr (the language of messages, --lang, when omitted).") var language: Language?
    @Option(help: "The report's document symbol (WGEC/<year of --to>/REP when omitted).") var symbol: String?
    @Option(help: "md, docx, odt or pdf (from --out's extension when omitted).") var format: String?
    @Option(help: "The file to write (standard output for Markdown when omitted).") var out: String?
    @Flag(name: .customLong("into-draft"), help: "Generate it into a new draft instead (co-chairs, secretariat); prints the draft's short id.")
    var intoDraft = false
    @Option(help: "With --into-draft: the existing report draft to give the report's text, as its next version.") var draft: String?

    func run() throws {
        try profile.reportingErrors {
            guard let period = ReportPeriod(from: from, to: to) else { throw InputError("badPeriod", from.terminalSafe, to.terminalSafe) }
            let store = try profile.openStore()
            let language = language ?? profile.messageLanguage
            let report = try PeriodReport.make(from: store, period: period, to: body, symbol: symbol, language: language)
            guard intoDraft else { return try DocumentExport.write(report.markdown, format: format, out: out) }
            let id = try profile.act { try $0.reportIntoDraft(report, symbol: report.symbol, language: language, draft: draft) }
            try IDOutput.print(id, json: false)
        }
    }
}
