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

    /// The snippet in `width` columns; the store's old snippet for a hit without a text.
    static func snippet(_ hit: SearchHit, width: Int) -> SearchSnippet {
        hit.text.isEmpty
            ? SearchSnippet(text: hit.snippet, matches: [], width: max(0, width))
            : SearchSnippet(text: hit.text, matches: hit.matches, width: max(0, width))
    }

    /// Restyles the snippet's matches where the list drew it, from column `x` of row `y`.
    static func highlight(_ snippet: SearchSnippet, x: Int, y: Int, right: Int, _ buffer: inout Buffer) {
        guard y >= 0, y < buffer.height else { return }
        var column = x
        for (offset, character) in snippet.text.enumerated() {
            let width = character.cellWidth
            if snippet.highlights.contains(where: { $0.contains(offset) }) {
                for cell in column..<min(column + width, right, buffer.width) where cell >= 0 {
                    buffer[cell, y].style = SearchHighlight.style(over: buffer[cell, y].style)
                }
            }
            column += width
            if column >= right { break }
        }
    }

    /// The words to highlight in a thread opened from the search results under it.
    static func terms(openedFrom model: Model) -> [String] {
        guard model.screens.count >= 2, case .search(let search) = model.screens[model.screens.count - 2],
              let query = search.searched else { return [] }
        return SearchHighlight.terms(of: query)
    }
}
