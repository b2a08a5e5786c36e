/// Draws a `TextEditor` in an area, wrapping long lines at the area's width, and returns where
/// the caret is on screen (kept in view by scrolling).
enum EditorView {
    static func render(_ editor: TextEditor, _ area: Rect, _ style: Style, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        guard area.width > 0, area.height > 0 else { return nil }
        var rows: [(line: Int, start: Int, text: [Character])] = []
        var caret = (row: 0, x: 0)
        for (index, line) in editor.lines.enumerated() {
            var start = 0
            repeat {
                var used = 0, end = start
                while end < line.count, used + line[end].cellWidth <= area.width - 1 {
                    used += line[end].cellWidth
                    end += 1
                }
                if index == editor.row, editor.column >= start, editor.column <= end,
                    editor.column < end || end == line.count || end == start
                {
                    caret = (rows.count, line[start..<editor.column].reduce(0) { $0 + $1.cellWidth })
                }
                rows.append((index, start, Array(line[start..<end])))
                start = end
            } while start < line.count
        }
        let top = max(0, caret.row - area.height + 1)
        for row in 0..<area.height where rows.indices.contains(top + row) {
            buffer.write(String(rows[top + row].text), x: 0, row: row, in: area, style: style)
        }
        return (area.x + caret.x, area.y + caret.row - top)
    }
}
