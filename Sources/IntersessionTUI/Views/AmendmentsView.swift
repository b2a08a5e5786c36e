import IntersessionCore
import IntersessionStore

/// The compiled amendments table: for each, the paragraph, the sponsor, the words now and
/// proposed, the rationale, support and opposition, competing alternatives, and the decision.
enum AmendmentsView {
    static func render(_ state: AmendmentsState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let catalog = model.catalog
        if state.list.loaded, state.list.items.isEmpty {
            buffer.write(" " + catalog[.amendmentsEmpty], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        var lines: [(String, Style, Int)] = []
        var starts: [Int] = []
        for (index, amendment) in state.list.items.enumerated() {
            starts.append(lines.count)
            let kind = catalog[kindText(amendment.kind)]
            let standing = AmendmentStatus(rawValue: amendment.status) ?? .open
            let status = switch standing {
            case .open: catalog[.amendmentOpen]
            case .accepted: catalog[.amendmentAccepted]
            case .rejected: catalog[.amendmentRejected] + (amendment.reason.map { ": " + $0 } ?? "")
            }
            let sponsor = amendment.sponsor + (amendment.sponsorDelegation.map { " (\($0))" } ?? "")
            let header = amendment.paragraph.map { catalog[.amendmentHeader, kind, amendment.number.map(String.init) ?? "#\($0 + 1)", sponsor, status] }
                ?? catalog[.amendmentGone, kind, sponsor, status]
            lines.append(("#\(index + 1) " + header, standing == .open ? theme.accent : theme.meta, index))
            if !amendment.original.isEmpty { lines.append(("   " + catalog[.amendmentNow, amendment.original.firstLine], theme.normal, index)) }
            if !amendment.text.isEmpty { lines.append(("   " + catalog[.amendmentProposed, amendment.text.firstLine], theme.unread, index)) }
            lines.append(("   " + catalog[.amendmentWhy, amendment.rationale.firstLine], theme.meta, index))
            lines.append(("   " + catalog[.amendmentPositions, model.formats.number(amendment.supporters.count), model.formats.number(amendment.opponents.count)],
                          theme.meta, index))
            if !amendment.alternatives.isEmpty {
                let others = amendment.alternatives.compactMap { id in state.list.items.firstIndex { $0.id == id }.map { "#\($0 + 1)" } }
                lines.append(("   " + catalog[.amendmentAlternatives, others.joined(separator: ", ")], theme.flash, index))
            }
            lines.append(("", theme.normal, index))
        }
        var top = 0
        if state.list.selected < starts.count {
            let start = starts[state.list.selected]
            let end = state.list.selected + 1 < starts.count ? starts[state.list.selected + 1] : lines.count
            if end > area.height { top = min(start, max(0, end - area.height)) }
        }
        let height = state.rejecting == nil ? area.height : max(0, area.height - 1)
        var cursor: (x: Int, y: Int)?
        for row in 0..<height where top + row < lines.count {
            let (text, style, index) = lines[top + row]
            let selected = index == state.list.selected && !text.isEmpty
            buffer.write(selected ? (model.plain ? "> " : "▌ ") : "  ", x: 0, row: row, in: area, style: theme.accent)
            buffer.write(text, x: 2, row: row, in: area, style: style)
            if selected, cursor == nil { cursor = (area.x, area.y + row) }
        }
        if let reason = state.rejecting {
            let prompt = catalog[.amendmentRejectPrompt]
            let row = area.height - 1
            buffer.fillRow(row, in: area, style: theme.status)
            buffer.write(" " + prompt, x: 0, row: row, in: area, style: theme.status)
            let field = Rect(x: area.x + 1 + prompt.cellWidth, y: area.y + row, width: max(0, area.width - prompt.cellWidth - 2), height: 1)
            return EditorView.render(reason, field, theme.status, &buffer)
        }
        return model.plain ? cursor : nil
    }

    static func kindText(_ kind: String) -> TextKey {
        switch AmendmentKind(rawValue: kind) ?? .replace {
        case .replace: .amendmentKindReplace
        case .insert: .amendmentKindInsert
        case .delete: .amendmentKindDelete
        }
    }
}
