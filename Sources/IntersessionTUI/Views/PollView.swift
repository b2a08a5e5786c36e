import IntersessionCore
import IntersessionStore

/// A poll: its text and options, who voted (never how while results are hidden), the result
/// or the final record, and the vote dialog. The text scrolls when it does not fit.
enum PollView {
    static func render(_ poll: PollState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        guard let detail = poll.detail else { return nil }
        buffer.render(ScrollView(lines: lines(detail, model, theme, width: area.width), scroll: poll.scroll, indicatorStyle: theme.meta, indent: 1),
                      in: area)
        if let row = poll.nominating { return ElectionLines.renderPicker(row, detail, model, theme, area, &buffer) }
        guard let dialog = poll.voting else { return nil }
        return renderDialog(dialog, detail, model, theme, area, &buffer)
    }

    /// How far the poll's text scrolls at the model's size.
    static func maximumScroll(_ detail: PollDetail, _ model: Model) -> Int {
        let area = View.contentArea(width: model.width, height: model.height, statusRows: Chrome.statusRows(model))
        return ScrollView.maximumScroll(lines: lines(detail, model, Theme.make(colors: false), width: area.width).count, height: area.height)
    }

    static func lines(_ detail: PollDetail, _ model: Model, _ theme: Theme, width: Int) -> [(String, Style)] {
        let catalog = model.catalog
        var lines: [(String, Style)] = []
        let status = detail.summary.closed ? catalog[.pollClosed] : catalog[.pollOpenUntil, model.formats.date(detail.summary.deadline, now: model.now)]
        lines.append((catalog[Update.kindText(detail.summary.kind)] + " · " + status, theme.meta))
        lines.append(("", theme.normal))
        for line in WordWrap.lines(detail.text, width: max(1, width - 2)) where !detail.text.isEmpty { lines.append((line, theme.normal)) }
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
        lines += resultLines(detail, model, theme)
        if let outcome = detail.outcome {
            lines.append(("", theme.normal))
            for line in WordWrap.lines(outcome, width: max(1, width - 2)) { lines.append((line, theme.accent)) }
        }
        return lines
    }

    /// The result once closed (or that it is hidden while open).
    static func resultLines(_ detail: PollDetail, _ model: Model, _ theme: Theme) -> [(String, Style)] {
        let catalog = model.catalog
        guard let result = detail.result else { return [(catalog[.pollResultsHidden], theme.meta)] }
        guard detail.summary.closed else { return [] }
        var lines: [(String, Style)] = []
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
        return lines
    }

    static func renderDialog(_ dialog: VoteDialog, _ detail: PollDetail, _ model: Model, _ theme: Theme, _ area: Rect,
                             _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let catalog = model.catalog
        let isProposal = detail.summary.kind == PollKind.proposal.rawValue
        if isProposal, !dialog.typingReason {
            let picker = Picker(heading: catalog[.pollVotePrompt], choices: Position.allCases.map { catalog[Update.positionText($0)] },
                                chosen: dialog.position, style: theme.status, headingStyle: theme.status.adding(.bold), chosenStyle: theme.selected)
            let box = Layout.bottom(Position.allCases.count + 1, of: area)
            buffer.render(picker, in: box)
            // A screen reader reads the line under the cursor: the position being chosen.
            return model.plain ? picker.cursor(in: box) : nil
        }
        let box = Layout.bottom(2, of: area)
        buffer.fill(box, style: theme.status)
        buffer.write(" " + catalog[.pollVotePrompt], x: 0, row: 0, in: box, style: theme.status.adding(.bold))
        let (prompt, editor) = dialog.typingReason ? (catalog[.pollReasonPrompt], dialog.reason)
            : (catalog[detail.seat == nil ? .pollOrderPrompt : .pollCandidateOrderPrompt], dialog.text)
        let field = Field(" " + prompt, editor, labelStyle: theme.status, style: theme.status, indent: 0)
        return field.render(in: Layout.top(1, of: box).rest, into: &buffer)
    }
}
