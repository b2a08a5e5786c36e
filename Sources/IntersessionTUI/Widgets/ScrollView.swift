/// Lines of styled text, scrolled, with a position indicator in the last row when they do not
/// all fit (`12–30/85`, like a pager's status), so the reader knows where they are and how
/// much is left.
public struct ScrollView: Widget, Sendable {
    /// Each line as runs of text in their styles (most lines have one).
    public var lines: [[(String, Style)]]
    public var scroll: Int
    public var indicatorStyle: Style
    /// Columns of margin left of the text.
    public var indent: Int

    public init(lines: [(String, Style)], scroll: Int, indicatorStyle: Style, indent: Int = 0) {
        self.init(spans: lines.map { [$0] }, scroll: scroll, indicatorStyle: indicatorStyle, indent: indent)
    }

    /// Lines made of runs in different styles (a diff's deleted and inserted words).
    public init(spans: [[(String, Style)]], scroll: Int, indicatorStyle: Style, indent: Int = 0) {
        lines = spans
        self.scroll = scroll
        self.indicatorStyle = indicatorStyle
        self.indent = indent
    }

    /// Rows of text shown in an area this high: one less than the area when the indicator is needed.
    public static func textRows(lines: Int, height: Int) -> Int {
        lines > height ? max(1, height - 1) : height
    }

    /// The largest useful scroll: the one that shows the last line at the bottom.
    public static func maximumScroll(lines: Int, height: Int) -> Int {
        max(0, lines - textRows(lines: lines, height: height))
    }

    /// The scroll actually used: `scroll` clamped to the lines.
    public var clampedScroll: Int { max(0, scroll) }

    public func render(in area: Rect, into buffer: inout Buffer) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let rows = Self.textRows(lines: lines.count, height: area.height)
        let top = min(max(0, scroll), Self.maximumScroll(lines: lines.count, height: area.height))
        for row in 0..<rows where lines.indices.contains(top + row) {
            var x = area.x + indent
            for (text, style) in lines[top + row] where x < area.right {
                x += buffer.setString(x: x, y: area.y + row, text, style: style, maxWidth: area.right - x)
            }
        }
        guard lines.count > area.height, area.height >= 2 else { return }
        let label = " \(top + 1)–\(min(lines.count, top + rows))/\(lines.count) "
        let width = label.cellWidth
        buffer.setString(x: area.x + max(0, area.width - width), y: area.bottom - 1, label, style: indicatorStyle,
                         maxWidth: area.width)
    }
}
