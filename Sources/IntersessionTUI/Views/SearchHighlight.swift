import Foundation

/// Highlighting what a search found: in the list (the snippet's matches) and in the thread
/// opened from it (every word the query's words begin, matched as the search matches them:
/// case and accents ignored).
enum SearchHighlight {
    /// A style that stands out over `base` with attributes alone, so it shows without colours.
    static func style(over base: Style) -> Style {
        base.adding([.bold, .underline])
    }

    /// The search words of a query as the search reads them: split at anything not a letter
    /// or digit, `*` dropped, folded.
    static func terms(of query: String) -> [String] {
        query.split { !$0.isLetter && !$0.isNumber }.map { fold(String($0)) }.filter { !$0.isEmpty }
    }

    /// Restyles, in each row of `area`, the words that begin with one of `terms`.
    static func restyleMatches(of terms: [String], in area: Rect, _ buffer: inout Buffer) {
        guard !terms.isEmpty else { return }
        let area = area.intersection(buffer.area)
        for y in area.y..<area.bottom {
            for word in words(inRow: y, from: area.x, to: area.right, buffer) {
                let folded = fold(word.text)
                guard terms.contains(where: { folded.hasPrefix($0) }) else { continue }
                for x in word.columns {
                    buffer[x, y].style = style(over: buffer[x, y].style)
                }
            }
        }
    }

    /// Runs of letters and digits in a row, with the columns they cover (continuations too).
    private static func words(inRow y: Int, from left: Int, to right: Int, _ buffer: Buffer) -> [(text: String, columns: Range<Int>)] {
        var words: [(text: String, columns: Range<Int>)] = []
        var text = "", start = left
        for x in left..<right {
            let cell = buffer[x, y]
            if cell.isContinuation { continue }
            if let character = cell.symbol.first, character.isLetter || character.isNumber {
                if text.isEmpty { start = x }
                text += cell.symbol
                continue
            }
            if !text.isEmpty { words.append((text, start..<x)) }
            text = ""
        }
        if !text.isEmpty { words.append((text, start..<right)) }
        return words
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
