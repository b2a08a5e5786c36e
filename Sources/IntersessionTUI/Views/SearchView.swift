import IntersessionStore

/// A search prompt, then the matching posts with their thread and a snippet.
enum SearchView {
    static func render(_ search: SearchState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let prompt = model.catalog[.searchPrompt]
        buffer.write(prompt, x: 1, row: 0, in: area, style: theme.accent)
        let field = Rect(x: area.x + 1 + prompt.cellWidth, y: area.y, width: max(0, area.width - prompt.cellWidth - 2), height: 1)
        let caret = EditorView.render(search.query, field, theme.unread, &buffer)
        let results = Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1))
        if search.results.loaded, search.results.items.isEmpty {
            buffer.write(" " + model.catalog[.noResults], x: 0, row: 0, in: results, style: theme.meta)
        }
        var cursor: (x: Int, y: Int)?
        for row in 0..<results.height {
            let index = search.results.offset + row
            guard search.results.items.indices.contains(index) else { break }
            let hit = search.results.items[index]
            let selected = index == search.results.selected && !search.editing
            let style = selected ? theme.selected : theme.normal
            if selected { buffer.fillRow(row, in: results, style: style) }
            let who = hit.authorName ?? String(hit.author.prefix(8))
            let marker = model.plain ? (selected ? "> " : "  ") : "  "
            let used = buffer.write(SearchHitLine.lead(marker, hit.threadTitle, who, width: area.width), x: 0, row: row, in: results, style: style)
            SearchHitLine.drawSnippet(hit, x: used, row: row, in: results, style: style, &buffer)
            if selected { cursor = (results.x, results.y + row) }
        }
        return search.editing ? caret : (model.plain ? cursor : nil)
    }
}
