/// One line of a search hit's text that shows its first match: the window is centred on the
/// match and cut by grapheme cluster, with an ellipsis where text was left out on either side.
struct SearchSnippet: Sendable, Equatable {
    /// The line to draw.
    var text: String
    /// Where the matches are in `text`, in `Character`s.
    var highlights: [Range<Int>]

    /// The window on `text` (its matches in `Character` offsets) `width` columns wide at most.
    init(text: String, matches: [Range<Int>], width: Int) {
        // Line ends and tabs become spaces one for one, so the offsets still hold.
        let characters = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        let widths = characters.map(\.cellWidth)
        let window = Self.window(widths, around: matches.first, width: width)
        let lead = window.lowerBound > 0 ? 1 : 0
        self.text = (lead == 1 ? "…" : "") + String(characters[window]) + (window.upperBound < characters.count ? "…" : "")
        highlights = matches.compactMap { match in
            let clipped = match.clamped(to: window)
            guard !clipped.isEmpty else { return nil }
            return (clipped.lowerBound - window.lowerBound + lead)..<(clipped.upperBound - window.lowerBound + lead)
        }
    }

    /// The characters shown: all if they fit; else a window with the match in its middle,
    /// a column kept for each ellipsis.
    private static func window(_ widths: [Int], around match: Range<Int>?, width: Int) -> Range<Int> {
        let count = widths.count
        guard width > 0 else { return 0..<0 }
        if widths.reduce(0, +) <= width { return 0..<count }
        let anchor = min(match?.lowerBound ?? 0, count)
        let matchWidth = widths[anchor..<min(match?.upperBound ?? anchor, count)].reduce(0, +)
        // Context before the match: half of what the match leaves.
        let leftTarget = max(0, (width - matchWidth) / 2)
        var start = anchor, used = 0
        while start > 0, used + widths[start - 1] + 1 <= leftTarget {
            start -= 1
            used += widths[start]
        }
        if start > 0 { used += 1 }
        var end = anchor
        while end < count, used + widths[end] + (end + 1 < count ? 1 : 0) <= width {
            used += widths[end]
            end += 1
        }
        if end < count { used += 1 }
        // Text ran out on the right: give the room back to the left.
        while end == count, start > 0 {
            let grown = used + widths[start - 1] - (start == 1 ? 1 : 0)
            guard grown <= width else { break }
            used = grown
            start -= 1
        }
        return start..<end
    }
}
