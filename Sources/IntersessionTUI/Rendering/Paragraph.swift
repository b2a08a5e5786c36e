/// Text word-wrapped to the width of its area, in one style, clipped to the area's height.
public struct Paragraph: Widget, Sendable {
    public var text: String
    public var style: Style
    /// Wrapped lines skipped at the top, for scrolling.
    public var scroll: Int

    public init(_ text: String, style: Style = .plain, scroll: Int = 0) {
        self.text = text
        self.style = style
        self.scroll = scroll
    }

    /// Rows the text needs at this width, to size an area or bound a scroll.
    public func height(width: Int) -> Int {
        WordWrap.lines(text, width: width).count
    }

    public func render(in area: Rect, into buffer: inout Buffer) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        // The paragraph owns its area: blanking first clears the previous frame's text.
        buffer.fill(area, style: style)
        let lines = WordWrap.lines(text, width: area.width).dropFirst(max(0, scroll)).prefix(area.height)
        for (row, line) in lines.enumerated() {
            buffer.setString(x: area.x, y: area.y + row, line, style: style, maxWidth: area.width)
        }
    }
}
