import IntersessionCore
import IntersessionStore

/// A poll: its text and options, who voted (never how while results are hidden), the result
/// or the final record, and the vote dialog.
enum PollView {
    static func render(_ poll: PollState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        guard let detail = poll.detail else { return nil }
        let catalog = model.catalog
        var lines: [(String, Style)] = []
        let status = detail.summary.closed ? catalog[.pollClosed] : catalog[.pollOpenUntil, model.formats.date(detail.summary.deadline, now: model.now)]
        lines.append((catalog[Update.kindText(detail.summary.kind)] + " · " + status, theme.meta))
        lines.append(("", theme.normal))
        for line in WordWrap.lines(detail.text, width: max(1, area.width - 2)) where !detail.text.isEmpty { lines.append((line, theme.normal)) }
        if !detail.text.isEmpty { lines.append(("", theme.normal)) }
        if detail.seat != nil { lines += ElectionLines.lines(detail, model, theme) }
        for (index, option) in detail.options.enumerated() {
            var line = "\(index + 1). " + option
            if let count = detail.result?.counts[option] { line += "  — " + model.formats.number(count) }
            lines.append((line, theme.normal))
        }
        if let result = detail.result, detail.summary.kind == PollKind.proposal.rawValue {
            for position in Position.allCases {
                lines.append(("  " + catalog[.labelled, catalog[Update.positionText(position)], model.formats.number(result.counts[position.rawValue] ?? 0)], theme.normal))
            }
        }
        lines.append(("", theme.normal))
        lines += BallotLines.lines(detail, model, theme)
        lines.append((catalog[.labelled, catalog.count(detail.voterNames.count, .pollVotedOne, .pollVoted, formats: model.formats), detail.voterNames.joined(separator: ", ")], theme.meta))
        if let result = detail.result, detail.summary.closed {
            if let brokenBy = result.brokenBy { lines.append((catalog[.pollSilenceBroken, brokenBy, result.reason ?? ""], theme.accent)) }
            else if let adopted = result.adopted {
                lines.append((catalog[adopted ? .pollAdopted : (result.blocked == true ? .pollBlocked : .pollNotAdopted)], theme.accent))
            }
            if !result.winners.isEmpty {
                lines.append((catalog[detail.seat == nil ? .pollWinner : .pollElected, result.winners.joined(separator: ", ")], theme.accent))
            }
            if model.isSecretariat, detail.cochairGrantDue != nil, let elected = result.winners.first {
                lines.append((catalog[.pollGrantPrompt, elected], theme.accent))
            }
        } else if detail.result == nil {
            lines.append((catalog[.pollResultsHidden], theme.meta))
        }
        if let outcome = detail.outcome {
            lines.append(("", theme.normal))
            for line in WordWrap.lines(outcome, width: max(1, area.width - 2)) { lines.append((line, theme.accent)) }
        }
        for (row, line) in lines.enumerated() where row < area.height {
            buffer.write(line.0, x: 1, row: row, in: area, style: line.1)
        }
        if let row = poll.nominating { return ElectionLines.renderPicker(row, detail, model, theme, area, &buffer) }
        guard let dialog = poll.voting else { return nil }
        return renderDialog(dialog, detail, model, theme, area, &buffer)
    }

    static func renderDialog(_ dialog: VoteDialog, _ detail: PollDetail, _ model: Model, _ theme: Theme, _ area: Rect,
                             _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let catalog = model.catalog
        let isProposal = detail.summary.kind == PollKind.proposal.rawValue
        let rows = dialog.typingReason || !isProposal ? 2 : Position.allCases.count + 1
        let box = Rect(x: area.x, y: area.y + max(0, area.height - rows), width: area.width, height: min(area.height, rows))
        buffer.fill(box, style: theme.status)
        buffer.write(" " + catalog[.pollVotePrompt], x: 0, row: 0, in: box, style: theme.status.adding(.bold))
        let prompt: String, editor: TextEditor
        if dialog.typingReason {
            (prompt, editor) = (catalog[.pollReasonPrompt], dialog.reason)
        } else if !isProposal {
            (prompt, editor) = (catalog[detail.seat == nil ? .pollOrderPrompt : .pollCandidateOrderPrompt], dialog.text)
        } else {
            for (index, position) in Position.allCases.enumerated() {
                let chosen = index == dialog.position
                buffer.write((chosen ? " > " : "   ") + catalog[Update.positionText(position)], x: 0, row: index + 1, in: box,
                             style: chosen ? theme.selected : theme.status)
            }
            // A screen reader reads the line under the cursor: the position being chosen.
            let row = min(box.height - 1, dialog.position + 1)
            return model.plain && !box.isEmpty ? (box.x + 1, box.y + row) : nil
        }
        buffer.write(" " + prompt, x: 0, row: 1, in: box, style: theme.status)
        let field = Rect(x: box.x + 1 + prompt.cellWidth, y: box.y + 1, width: max(0, box.width - prompt.cellWidth - 2), height: 1)
        return EditorView.render(editor, field, theme.status, &buffer)
    }
}
