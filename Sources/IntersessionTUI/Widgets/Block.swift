/// A frame around a rectangle: a border (or none, in plain mode, for screen readers), a title
/// in its top edge, and the inner rectangle the content goes in.
public struct Block: Widget, Sendable {
    public var title: String
    public var style: Style
    public var titleStyle: Style
    public var bordered: Bool
    /// Columns kept blank inside the border, left and right.
    public var padding: Int

    public init(title: String = "", style: Style = .plain, titleStyle: Style? = nil, bordered: Bool = true, padding: Int = 0) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle ?? style
        self.bordered = bordered
        self.padding = padding
    }

    /// Where the content goes: inside the border and padding. Without a border the title
    /// takes the first row.
    public func inner(_ area: Rect) -> Rect {
        if bordered { return area.inset(horizontal: 1 + padding, vertical: 1) }
        let top = title.isEmpty ? 0 : 1
        return Rect(x: area.x + padding, y: area.y + top, width: area.width - 2 * padding, height: area.height - top)
    }

    public func render(in area: Rect, into buffer: inout Buffer) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        buffer.fill(area, style: style)
        if bordered, area.width >= 2, area.height >= 2 {
            let horizontal = String(repeating: "─", count: area.width - 2)
            buffer.setString(x: area.x, y: area.y, "┌" + horizontal + "┐", style: style)
            buffer.setString(x: area.x, y: area.bottom - 1, "└" + horizontal + "┘", style: style)
            for row in (area.y + 1)..<(area.bottom - 1) {
                buffer.setString(x: area.x, y: row, "│", style: style)
                buffer.setString(x: area.right - 1, y: row, "│", style: style)
            }
        }
        guard !title.isEmpty else { return }
        let room = bordered ? area.width - 4 : area.width - 2 * padding
        let x = bordered ? area.x + 1 : area.x + padding
        buffer.setString(x: x, y: area.y, (bordered ? " " : "") + title.truncated(to: max(0, room)) + (bordered ? " " : ""),
                         style: titleStyle, maxWidth: area.right - x)
    }
}
