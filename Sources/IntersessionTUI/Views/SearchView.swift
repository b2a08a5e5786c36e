import IntersessionStore

/// A search prompt, then the matching posts with their thread and a snippet, its matches
/// highlighted.
enum SearchView {
    static func render(_ search: SearchState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let (promptRow, results) = Layout.top(1, of: area)
        let field = Field(model.catalog[.searchPrompt], search.query, labelStyle: theme.accent, style: theme.unread)
        let caret = field.render(in: promptRow, into: &buffer)
        if search.results.loaded, search.results.items.isEmpty {
            buffer.write(" " + model.catalog[.noResults], x: 0, row: 0, in: results, style: theme.meta)
        }
        // The plain mode's marker comes from the list; the lead leaves room for it.
        let marker = model.plain ? 0 : 2
        var snippets: [SearchSnippet] = []
        var widget = List(search.results, height: results.height, theme: theme, plain: model.plain) { hit in
            let full = SearchHitLine.lead("  ", hit.threadTitle, hit.authorName ?? String(hit.author.prefix(8)), width: area.width)
            let lead = model.plain ? String(full.dropFirst(2)) : full
            let snippet = SearchHitLine.snippet(hit, width: area.width - lead.cellWidth - (2 - marker))
            snippets.append(snippet)
            return List.Row(lead + snippet.text, style: theme.normal)
        }
        if search.editing { widget.selected = nil }
        buffer.render(widget, in: results)
        for (row, snippet) in snippets.enumerated() {
            let lead = widget.rows[row].leading.cellWidth - snippet.text.cellWidth
            SearchHitLine.highlight(snippet, x: results.x + (2 - marker) + lead, y: results.y + row, right: results.right, &buffer)
        }
        return search.editing ? caret : (model.plain ? widget.cursor(in: results) : nil)
    }
}
