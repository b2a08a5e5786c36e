import IntersessionCore
import IntersessionStore

/// What changed since the latest version: changed paragraphs, with deleted words in
/// [- -] and inserted ones in {+ +} (also styled, for terminals with attributes).
enum DraftDiffView {
    static func render(_ diff: DraftDiffState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        guard diff.loaded else { return nil }
        let changed = diff.changes.filter { $0.kind != .same }
        if changed.isEmpty {
            buffer.write(" " + model.catalog[.draftDiffNone], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        var lines: [[(String, Style)]] = []
        for change in changed {
            lines.append([(change.number.map { "¶\($0)" } ?? "#", theme.accent)])
            var row: [(String, Style)] = [("    ", theme.normal)]
            var used = 4
            for segment in change.segments {
                let (text, style): (String, Style) = {
                    switch segment {
                    case .same(let text): return (text, theme.normal)
                    case .deleted(let text): return ("[-" + text + "-]", theme.flash)
                    case .inserted(let text): return ("{+" + text + "+}", theme.unread)
                    }
                }()
                for word in text.split(separator: " ", omittingEmptySubsequences: false).enumerated().map({ $0.offset == 0 ? String($0.element) : " " + $0.element }) {
                    var word = word.replacingOccurrences(of: "\n", with: " ")
                    if used + word.cellWidth > area.width - 1, used > 4 {
                        lines.append(row)
                        row = [("    ", theme.normal)]
                        used = 4
                        if word.hasPrefix(" ") { word.removeFirst() }
                    }
                    row.append((word, style))
                    used += word.cellWidth
                }
            }
            lines.append(row)
            lines.append([])
        }
        let top = min(diff.scroll, max(0, lines.count - area.height))
        for row in 0..<area.height where top + row < lines.count {
            var x = 1
            for (text, style) in lines[top + row] { x += buffer.write(text, x: x, row: row, in: area, style: style) }
        }
        return nil
    }
}
