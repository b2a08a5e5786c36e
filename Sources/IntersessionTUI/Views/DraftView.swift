import IntersessionCore
import IntersessionStore

/// A draft: numbered paragraphs, each with its marks (open amendments, concurrent edits to
/// review, a source changed since, comments) and who changed it last; the selected one is
/// the one `c`, `a` and Enter act on.
enum DraftView {
    static func render(_ draft: DraftState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        guard let detail = draft.detail else { return nil }
        let catalog = model.catalog
        var head = [model.catalog[Update.statusText(detail.summary.status)] + " · " + detail.summary.language.uppercased()
            + " · " + catalog[.draftPenholders, detail.penholders.joined(separator: ", ")]]
        if !detail.versions.isEmpty { head.append(catalog[.draftVersions, detail.versions.map(\.name).joined(separator: ", ")]) }
        var lines: [(text: String, style: Style, block: Int?)] = head.map { ($0, theme.meta, nil) } + [("", theme.normal, nil)]
        var starts: [Int] = []
        let width = max(1, area.width - 4)
        for (index, paragraph) in detail.paragraphs.enumerated() {
            starts.append(lines.count)
            let selected = index == draft.list.selected
            let number = paragraph.number.map { "\($0). " } ?? ""
            let textStyle = paragraph.number == nil ? theme.accent : theme.normal
            for (row, line) in WordWrap.lines(paragraph.text, width: max(1, width - number.cellWidth)).enumerated() {
                lines.append(((row == 0 ? number : String(repeating: " ", count: number.count)) + line, textStyle, index))
            }
            var marks: [String] = []
            if !paragraph.openAmendments.isEmpty { marks.append(catalog.count(paragraph.openAmendments.count, .draftMarkAmendmentsOne, .draftMarkAmendments, formats: model.formats)) }
            if paragraph.concurrentEdits { marks.append("! " + catalog[.draftMarkConcurrent]) }
            if paragraph.sourceChangedSince { marks.append("~ " + catalog[.draftMarkSource]) }
            if !paragraph.comments.isEmpty { marks.append(catalog.count(paragraph.comments.count, .draftMarkCommentsOne, .draftMarkComments, formats: model.formats)) }
            if !marks.isEmpty { lines.append(("   " + marks.joined(separator: " · "), theme.flash, index)) }
            if selected, let who = paragraph.lastAuthor, let when = paragraph.lastChanged {
                lines.append(("   " + catalog[.draftLastChange, who, model.formats.ago(when, now: model.now, catalog: catalog)], theme.meta, index))
            }
            lines.append(("", theme.normal, nil))
        }
        // Scroll so that the selected paragraph starts on screen.
        var top = 0
        if draft.list.selected < starts.count {
            let start = starts[draft.list.selected]
            let end = draft.list.selected + 1 < starts.count ? starts[draft.list.selected + 1] : lines.count
            if end > area.height { top = min(start, max(0, end - area.height)) }
            top = max(0, min(top, start))
        }
        var cursor: (x: Int, y: Int)?
        for row in 0..<area.height where top + row < lines.count {
            let line = lines[top + row]
            let selected = line.block == draft.list.selected && line.block != nil
            let bar = selected ? (model.plain ? "> " : "▌ ") : "  "
            buffer.write(bar, x: 0, row: row, in: area, style: selected ? theme.accent : theme.normal)
            buffer.write(line.text, x: 2, row: row, in: area, style: line.style)
            if selected, cursor == nil { cursor = (area.x, area.y + row) }
        }
        if let prompt = draft.prompt { return renderPrompt(prompt, model, theme, area, &buffer) }
        return model.plain ? cursor : nil
    }

    /// The version-name prompt, or the stage picker, at the bottom over the text.
    static func renderPrompt(_ prompt: DraftState.Prompt, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let rows: Int
        switch prompt {
        case .version: rows = 1
        case .status: rows = DraftStatus.allCases.count + 1
        }
        let box = Rect(x: area.x, y: area.y + max(0, area.height - rows), width: area.width, height: min(area.height, rows))
        buffer.fill(box, style: theme.status)
        switch prompt {
        case .version(let name):
            let label = model.catalog[.draftVersionPrompt]
            buffer.write(" " + label, x: 0, row: 0, in: box, style: theme.status)
            let field = Rect(x: box.x + 1 + label.cellWidth, y: box.y, width: max(0, box.width - label.cellWidth - 2), height: 1)
            return EditorView.render(name, field, theme.status, &buffer)
        case .status(let index):
            buffer.write(" " + model.catalog[.draftStatusPrompt], x: 0, row: 0, in: box, style: theme.status.adding(.bold))
            for (row, status) in DraftStatus.allCases.enumerated() {
                let chosen = row == index
                buffer.write((chosen ? " > " : "   ") + model.catalog[Update.statusText(status.rawValue)], x: 0, row: row + 1, in: box,
                             style: chosen ? theme.selected : theme.status)
            }
            return nil
        }
    }
}
