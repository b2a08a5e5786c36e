import IntersessionStore

/// A row of the search results: the thread and author, cut short enough to leave the snippet
/// room to show its match, then the snippet with its matches highlighted.
enum SearchHitLine {
    /// The most of a row the thread title and author may take, so the match stays in sight.
    static func leadWidth(_ width: Int) -> Int { max(12, width / 2) }

    static func lead(_ marker: String, _ title: String, _ who: String, width: Int) -> String {
        let budget = leadWidth(width) - marker.cellWidth
        let whoPart = who.truncated(to: max(6, budget * 2 / 5))
        let titlePart = title.truncated(to: max(4, budget - whoPart.cellWidth - 5))
        return marker + titlePart + " — " + whoPart + ": "
    }

    /// The snippet in what is left of the row; the store's old snippet for a hit without a text.
    static func drawSnippet(_ hit: SearchHit, x: Int, row: Int, in area: Rect, style: Style, _ buffer: inout Buffer) {
        let room = area.width - x
        guard room > 0 else { return }
        let snippet = hit.text.isEmpty
            ? SearchSnippet(text: hit.snippet, matches: [], width: room)
            : SearchSnippet(text: hit.text, matches: hit.matches, width: room)
        SearchHighlight.draw(snippet, x: x, row: row, in: area, style: style, &buffer)
    }

    /// The words to highlight in a thread opened from the search results under it.
    static func terms(openedFrom model: Model) -> [String] {
        guard model.screens.count >= 2, case .search(let search) = model.screens[model.screens.count - 2],
              let query = search.searched else { return [] }
        return SearchHighlight.terms(of: query)
    }
}
