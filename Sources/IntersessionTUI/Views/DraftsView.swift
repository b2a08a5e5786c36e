import IntersessionStore

/// The drafts, latest edited first: symbol, title, status and open amendments.
enum DraftsView {
    static func render(_ list: ListState<DraftSummary>, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        if list.loaded, list.items.isEmpty {
            buffer.write(" " + model.catalog[.draftsEmpty], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        var widget = List(list, height: area.height, theme: theme, plain: model.plain) { draft in
            var right = model.catalog[Update.statusText(draft.status)] + " · " + draft.language.uppercased()
            if draft.openAmendments > 0 { right += " · " + model.catalog.count(draft.openAmendments, .draftMarkAmendmentsOne, .draftMarkAmendments, formats: model.formats) }
            return List.Row((model.plain ? "" : "  ") + draft.symbol + "  " + draft.title, trailing: right, style: theme.normal,
                            trailingStyle: theme.meta)
        }
        widget.minimumLeading = 12
        buffer.render(widget, in: area)
        return model.plain ? widget.cursor(in: area) : nil
    }
}
