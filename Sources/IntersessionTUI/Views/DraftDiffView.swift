import IntersessionCore
import IntersessionStore

/// What changed since the latest version: changed paragraphs, with deleted words in
/// [- -] and inserted ones in {+ +} (also styled, for terminals with attributes), scrolled.
enum DraftDiffView {
    static func render(_ diff: DraftDiffState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        guard diff.loaded else { return nil }
        guard diff.changes.contains(where: { $0.kind != .same }) else {
            buffer.write(" " + model.catalog[.draftDiffNone], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        buffer.render(ScrollView(spans: lines(diff, theme, width: area.width), scroll: diff.scroll, indicatorStyle: theme.meta, indent: 1), in: area)
        return nil
    }

    /// How far the diff scrolls at the model's size.
    static func maximumScroll(_ diff: DraftDiffState, _ model: Model) -> Int {
        let area = View.contentArea(width: model.width, height: model.height, statusRows: Chrome.statusRows(model))
        return ScrollView.maximumScroll(lines: lines(diff, Theme.make(colors: false), width: area.width).count, height: area.height)
    }

    /// Each changed paragraph: its number, then its words wrapped, marked as kept, deleted or inserted.
    static func lines(_ diff: DraftDiffState, _ theme: Theme, width: Int) -> [[(String, Style)]] {
        var lines: [[(String, Style)]] = []
        for change in diff.changes where change.kind != .same {
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
                    if used + word.cellWidth > width - 1, used > 4 {
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
        return lines
    }
}
