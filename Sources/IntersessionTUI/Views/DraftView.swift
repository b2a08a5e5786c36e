import IntersessionCore
import IntersessionStore

/// A draft: numbered paragraphs, each with its marks (open amendments, concurrent edits to
/// review, a source changed since, comments) and who changed it last; the selected one is
/// the one `c`, `a` and Enter act on.
enum DraftView {
    static func render(_ draft: DraftState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        guard let detail = draft.detail else { return nil }
        let items = ItemList(lines: lines(detail, draft, model, theme, width: max(1, area.width - 4)), selected: draft.list.selected,
                             barStyle: theme.accent, plain: model.plain)
        buffer.render(items, in: area)
        if let prompt = draft.prompt { return renderPrompt(prompt, model, theme, area, &buffer) }
        return model.plain ? items.cursor(in: area) : nil
    }

    /// The draft's state and versions, then each paragraph with its marks.
    static func lines(_ detail: DraftDetail, _ draft: DraftState, _ model: Model, _ theme: Theme, width: Int) -> [ItemList.Line] {
        let catalog = model.catalog
        var head = [catalog[Update.statusText(detail.summary.status)] + " · " + detail.summary.language.uppercased()
            + " · " + catalog[.draftPenholders, detail.penholders.joined(separator: ", ")]]
        if !detail.versions.isEmpty { head.append(catalog[.draftVersions, detail.versions.map(\.name).joined(separator: ", ")]) }
        var lines = head.map { ItemList.Line($0, style: theme.meta, item: nil) } + [ItemList.Line("", style: theme.normal, item: nil)]
        for (index, paragraph) in detail.paragraphs.enumerated() {
            let number = paragraph.number.map { "\($0). " } ?? ""
            let textStyle = paragraph.number == nil ? theme.accent : theme.normal
            for (row, line) in WordWrap.lines(paragraph.text, width: max(1, width - number.cellWidth)).enumerated() {
                lines.append(.init((row == 0 ? number : String(repeating: " ", count: number.count)) + line, style: textStyle, item: index))
            }
            let marks = marks(paragraph, model)
            if !marks.isEmpty { lines.append(.init("   " + marks.joined(separator: " · "), style: theme.flash, item: index)) }
            if index == draft.list.selected, let who = paragraph.lastAuthor, let when = paragraph.lastChanged {
                lines.append(.init("   " + catalog[.draftLastChange, who, model.formats.ago(when, now: model.now, catalog: catalog)],
                                   style: theme.meta, item: index))
            }
            lines.append(.init("", style: theme.normal, item: nil))
        }
        let attached = AttachmentLines.lines(model.attachments[detail.summary.id] ?? [], model, theme)
        return lines + attached.map { ItemList.Line($0.0, style: $0.1, item: nil) }
    }

    static func marks(_ paragraph: DraftParagraph, _ model: Model) -> [String] {
        let catalog = model.catalog
        var marks: [String] = []
        if !paragraph.openAmendments.isEmpty {
            marks.append(catalog.count(paragraph.openAmendments.count, .draftMarkAmendmentsOne, .draftMarkAmendments, formats: model.formats))
        }
        if paragraph.concurrentEdits { marks.append("! " + catalog[.draftMarkConcurrent]) }
        if paragraph.sourceChangedSince { marks.append("~ " + catalog[.draftMarkSource]) }
        if !paragraph.comments.isEmpty { marks.append(catalog.count(paragraph.comments.count, .draftMarkCommentsOne, .draftMarkComments, formats: model.formats)) }
        return marks
    }

    /// The version-name prompt, or the stage picker, at the bottom over the text.
    static func renderPrompt(_ prompt: DraftState.Prompt, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        switch prompt {
        case .version(let name):
            let field = Field(" " + model.catalog[.draftVersionPrompt], name, labelStyle: theme.status, style: theme.status, fill: theme.status,
                              indent: 0)
            return field.render(in: Layout.bottom(1, of: area), into: &buffer)
        case .status(let index):
            let picker = Picker(heading: model.catalog[.draftStatusPrompt], choices: DraftStatus.allCases.map { model.catalog[Update.statusText($0.rawValue)] },
                                chosen: index, style: theme.status, headingStyle: theme.status.adding(.bold), chosenStyle: theme.selected)
            let box = Layout.bottom(DraftStatus.allCases.count + 1, of: area)
            buffer.render(picker, in: box)
            return model.plain ? picker.cursor(in: box) : nil
        }
    }
}
