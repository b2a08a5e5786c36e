import IntersessionStore

/// The drafts, latest edited first: symbol, title, status and open amendments.
enum DraftsView {
    static func render(_ list: ListState<DraftSummary>, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        if list.loaded, list.items.isEmpty {
            buffer.write(" " + model.catalog[.draftsEmpty], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        var cursor: (x: Int, y: Int)?
        for row in 0..<area.height {
            let index = list.offset + row
            guard list.items.indices.contains(index) else { break }
            let draft = list.items[index]
            let selected = index == list.selected
            let style = selected ? theme.selected : theme.normal
            if selected { buffer.fillRow(row, in: area, style: style) }
            var right = model.catalog[Update.statusText(draft.status)] + " · " + draft.language.uppercased()
            if draft.openAmendments > 0 { right += " · " + model.catalog.count(draft.openAmendments, .draftMarkAmendmentsOne, .draftMarkAmendments, formats: model.formats) }
            let rightWidth = right.cellWidth + 1
            let marker = model.plain ? (selected ? "> " : "  ") : "  "
            buffer.write((marker + draft.symbol + "  " + draft.title).truncated(to: max(1, area.width - rightWidth - 1)), x: 0, row: row,
                         in: area, style: style)
            buffer.write(right, x: max(0, area.width - rightWidth), row: row, in: area, style: selected ? style : theme.meta)
            if selected { cursor = (area.x, area.y + row) }
        }
        return model.plain ? cursor : nil
    }
}
