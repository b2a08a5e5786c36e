import IntersessionCore
import IntersessionStore

/// An agenda item: purpose and standing, its documents, its comments (late ones marked), its
/// concerns with their answers, and its outcomes (the one that stands marked); the outcome or
/// concern being written over it.
enum MeetingItemView {
    static func lines(_ item: AgendaItemView, _ model: Model, _ theme: Theme, width: Int) -> [(String, Style)] {
        let catalog = model.catalog
        var lines: [(String, Style)] = [
            (catalog[Update.purposeText(item.purpose)] + " · " + catalog[Update.standingText(item.standing)], theme.meta), ("", theme.normal),
        ]
        if !item.documents.isEmpty {
            let documents = item.documents.map { $0.symbol + " " + $0.title + ($0.version.map { " (\($0))" } ?? "") }.joined(separator: "; ")
            lines += WordWrap.lines(catalog[.meetingDocuments, documents], width: width).map { ($0, theme.normal) }
        }
        if let deadline = item.deadline, !item.commentsClosed {
            lines.append((catalog[.meetingCommentsUntil, model.formats.date(deadline, now: model.now)], theme.normal))
            if model.moderates, deadline <= model.now { lines.append((catalog[.meetingItemDeadlinePassed], theme.accent)) }
        }
        lines.append((catalog[.meetingItemComments, model.formats.number(item.comments.count), model.formats.number(item.lateComments)], theme.normal))
        for comment in item.comments {
            let mark = comment.late ? "[" + catalog[.meetingLate] + "] " : ""
            lines.append(("  " + mark + catalog[.labelled, comment.author.name, comment.body.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""],
                          comment.late ? theme.accent : theme.normal))
        }
        if !item.concerns.isEmpty {
            lines.append((catalog[.meetingItemConcerns, model.formats.number(item.concerns.count), model.formats.number(item.openConcerns)], theme.normal))
        }
        for concern in item.concerns {
            let state = concern.late ? catalog[.meetingLate] : concern.answers.isEmpty ? catalog[.meetingUnanswered] : catalog[.meetingAnswered]
            lines.append(("  [" + state + "] " + catalog[.labelled, concern.author.name, concern.text], concern.answers.isEmpty && !concern.late ? theme.accent : theme.normal))
            for answer in concern.answers { lines.append(("    → " + answer, theme.meta)) }
        }
        lines.append(("", theme.normal))
        if let outcome = item.standingOutcome, let kind = OutcomeKind(rawValue: outcome.kind) {
            lines.append((catalog[.meetingOutcome, catalog[Update.outcomeText(kind)]], theme.accent))
            lines += WordWrap.lines(outcome.summary, width: width).map { ($0, theme.normal) }
        } else {
            lines.append((catalog[.meetingNoOutcome], theme.meta))
        }
        return lines
    }

    static func render(_ state: AgendaItemScreenState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        guard let item = state.item else { return nil }
        let lines = lines(item, model, theme, width: max(1, area.width - 2))
        let scroll = min(state.scroll, ScrollView.maximumScroll(lines: lines.count, height: area.height))
        buffer.render(ScrollView(lines: lines, scroll: scroll, indicatorStyle: theme.meta, indent: 1), in: area)
        guard let prompt = state.prompt else { return model.plain ? (area.x + 1, area.y) : nil }
        return renderPrompt(prompt, item, model, theme, area, &buffer)
    }

    static func renderPrompt(_ prompt: AgendaItemScreenState.Prompt, _ item: AgendaItemView, _ model: Model, _ theme: Theme, _ area: Rect,
                             _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let catalog = model.catalog
        switch prompt {
        case .answer(let index, let editor):
            let open = Update.openConcerns(item)
            guard open.indices.contains(index) else { return nil }
            let concern = open[index]
            let box = Rect(x: area.x, y: area.y + max(0, area.height - 2), width: area.width, height: min(area.height, 2))
            buffer.fill(box, style: theme.status)
            let about = catalog[.meetingAnswerTo, model.formats.number(index + 1), model.formats.number(open.count), concern.author.name.terminalSafe,
                                concern.text.terminalSafe]
            buffer.write(" " + about, x: 0, row: 0, in: box, style: theme.status.adding(.bold))
            return promptLine(catalog[.meetingAnswerPrompt], editor, theme, Rect(x: box.x, y: box.bottom - 1, width: box.width, height: 1), &buffer)
        case .concern(let editor):
            return promptLine(catalog[.meetingConcernPrompt], editor, theme, Rect(x: area.x, y: area.bottom - 1, width: area.width, height: 1), &buffer)
        case .outcome(let kind, let summary, let typing):
            let kinds = OutcomeKind.allCases
            let rows = typing ? 2 : kinds.count + 1
            let box = Rect(x: area.x, y: area.y + max(0, area.height - rows), width: area.width, height: min(area.height, rows))
            buffer.fill(box, style: theme.status)
            buffer.write(" " + catalog[.meetingOutcomePrompt], x: 0, row: 0, in: box, style: theme.status.adding(.bold))
            if typing {
                buffer.write(" " + catalog[Update.outcomeText(kinds[kind])], x: catalog[.meetingOutcomePrompt].cellWidth + 2, row: 0, in: box, style: theme.status)
                return promptLine(catalog[.meetingSummaryPrompt], summary, theme, Rect(x: box.x, y: box.y + 1, width: box.width, height: 1), &buffer)
            }
            for (index, option) in kinds.enumerated() {
                let chosen = index == kind
                buffer.write((chosen ? " > " : "   ") + catalog[Update.outcomeText(option)], x: 0, row: index + 1, in: box,
                             style: chosen ? theme.selected : theme.status)
            }
            return model.plain && !box.isEmpty ? (box.x + 1, box.y + min(box.height - 1, kind + 1)) : nil
        }
    }

    private static func promptLine(_ label: String, _ editor: TextEditor, _ theme: Theme, _ row: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        buffer.fill(row, style: theme.status)
        buffer.write(" " + label, x: 0, row: 0, in: row, style: theme.status)
        let field = Rect(x: row.x + 2 + label.cellWidth, y: row.y, width: max(0, row.width - label.cellWidth - 3), height: 1)
        return EditorView.render(editor, field, theme.status, &buffer)
    }
}
