import IntersessionCore
import IntersessionStore

/// The report to the committees: what it is made of (period, body, language) above its
/// preview, the numbered paragraphs `PeriodReport` renders, wrapped to the screen and scrolled;
/// the report draft being chosen, or the day being typed, at the bottom.
enum ReportView {
    static func render(_ state: ReportScreenState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let settings = settingsLines(state, model, width: max(1, area.width - 2))
        let (top, rest) = Layout.top(min(settings.count, max(0, area.height - 1)), of: area)
        for (row, line) in settings.enumerated() { buffer.write(" " + line, x: 0, row: row, in: top, style: theme.meta) }
        if state.preview == nil {
            buffer.write(" " + model.catalog[.reportMaking], x: 0, row: 0, in: rest, style: theme.meta)
        } else {
            let lines = previewLines(state, model, theme, width: max(1, rest.width - 2))
            let scroll = min(state.scroll, ScrollView.maximumScroll(lines: lines.count, height: rest.height))
            buffer.render(ScrollView(lines: lines, scroll: scroll, indicatorStyle: theme.meta, indent: 1), in: rest)
        }
        switch state.prompt {
        case .from(let day), .to(let day):
            let label = model.catalog[{ if case .from = state.prompt { return TextKey.reportFromPrompt } else { return .reportToPrompt } }()]
            let field = Field(" " + label, day, labelStyle: theme.status, style: theme.status, fill: theme.status, indent: 0)
            return field.render(in: Layout.bottom(1, of: area), into: &buffer)
        case .draft(let index):
            let choices = state.drafts.map { $0.symbol + " " + $0.title }
            let picker = Picker(heading: model.catalog[.reportDraftPrompt], choices: choices, chosen: index, style: theme.status,
                                headingStyle: theme.status.adding(.bold), chosenStyle: theme.selected)
            let box = Layout.bottom(min(area.height, choices.count + 1), of: area)
            buffer.render(picker, in: box)
            return model.plain ? picker.cursor(in: box) : nil
        case nil:
            return model.plain ? (area.x + 1, area.y) : nil
        }
    }

    /// The period, the body and the language, wrapped.
    static func settingsLines(_ state: ReportScreenState, _ model: Model, width: Int) -> [String] {
        let catalog = model.catalog
        let request = state.request
        let body = request.body.map { catalog[bodyText($0)] } ?? catalog[.reportBodyAll]
        let language = catalog[request.language == .en ? .reportInEnglish : .reportInFrench]
        return WordWrap.lines(catalog[.reportSettings, request.from, request.to, body, language], width: width)
    }

    /// The preview's lines: the title and symbol, then each heading and numbered paragraph of
    /// the report's Markdown (its front matter left out), wrapped.
    static func previewLines(_ state: ReportScreenState, _ model: Model, _ theme: Theme, width: Int) -> [(String, Style)] {
        guard let preview = state.preview else { return [] }
        var lines: [(String, Style)] = WordWrap.lines(preview.title.terminalSafe, width: width).map { ($0, theme.accent) }
        lines += WordWrap.lines(preview.symbol.terminalSafe, width: width).map { ($0, theme.meta) }
        for line in body(of: preview.markdown) {
            if line.hasPrefix("## ") {
                lines += [("", theme.normal)] + WordWrap.lines(String(line.dropFirst(3)).terminalSafe, width: width).map { ($0, theme.accent) }
            } else if !line.isEmpty {
                lines += WordWrap.lines(line.terminalSafe, width: width).map { ($0, theme.normal) }
            }
        }
        return lines
    }

    /// The Markdown's lines after its front matter.
    static func body(of markdown: String) -> [String] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return lines }
        return Array(lines[(end + 1)...])
    }

    /// How far the preview scrolls at the model's size.
    static func maximumScroll(_ state: ReportScreenState, _ model: Model) -> Int {
        let area = View.contentArea(width: model.width, height: model.height, statusRows: Chrome.statusRows(model))
        let settings = min(settingsLines(state, model, width: max(1, area.width - 2)).count, max(0, area.height - 1))
        let lines = previewLines(state, model, Theme.make(colors: false), width: max(1, area.width - 2)).count
        return ScrollView.maximumScroll(lines: lines, height: max(0, area.height - settings))
    }

    static func bodyText(_ body: CommitteeBody) -> TextKey {
        switch body {
        case .ptc: .reportBodyPTC
        case .ec: .reportBodyEC
        case .pc: .reportBodyPC
        case .sg: .reportBodySG
        }
    }

    /// The question before the report becomes a draft's text: a new draft, or the next version of one.
    static func question(_ effect: ReportEffect, _ model: Model) -> String {
        guard case .intoDraft(let request, let draft) = effect else { return "" }
        guard let draft else { return model.catalog[.confirmReportDraft, request.from, request.to] }
        var symbol = String(draft.prefix(8))
        for screen in model.screens.reversed() {
            if case .report(let state) = screen, let shown = state.drafts.first(where: { $0.id == draft }) { symbol = shown.symbol.terminalSafe }
        }
        return model.catalog[.confirmReportRevision, symbol, request.from, request.to]
    }
}
