/// Items of several lines each, one selected (a draft's paragraphs, the amendments table):
/// scrolled so the selected item is in view from its first line (as much of it as fits),
/// its lines marked by a bar in the left margin (`> ` in plain mode, where the cursor goes
/// on its first line for screen readers). Lines of no item (separators) carry no bar.
public struct ItemList: Widget, Sendable {
    public struct Line: Sendable {
        public var text: String
        public var style: Style
        /// The item the line belongs to; nil for a separator.
        public var item: Int?

        public init(_ text: String, style: Style, item: Int?) {
            self.text = text
            self.style = style
            self.item = item
        }
    }

    public var lines: [Line]
    public var selected: Int
    public var barStyle: Style
    public var plain: Bool
    /// Columns for the bar, left of the text.
    public static let margin = 2

    public init(lines: [Line], selected: Int, barStyle: Style, plain: Bool) {
        self.lines = lines
        self.selected = selected
        self.barStyle = barStyle
        self.plain = plain
    }

    /// The first line shown at this height: the selected item's end in view, its start first.
    public func top(height: Int) -> Int {
        guard let start = lines.firstIndex(where: { $0.item == selected }) else { return 0 }
        let end = lines[start...].firstIndex { $0.item != nil && $0.item != selected } ?? lines.count
        guard end > height else { return 0 }
        return max(0, min(start, end - height))
    }

    /// Where the selected item's first line is drawn in `area`, if it is in view.
    public func cursor(in area: Rect) -> (x: Int, y: Int)? {
        let top = top(height: area.height)
        guard let row = (0..<area.height).first(where: { lines.indices.contains(top + $0) && lines[top + $0].item == selected }) else { return nil }
        return (area.x, area.y + row)
    }

    public func render(in area: Rect, into buffer: inout Buffer) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let top = top(height: area.height)
        for row in 0..<area.height where lines.indices.contains(top + row) {
            let line = lines[top + row]
            let marked = line.item == selected && line.item != nil
            buffer.write(marked ? (plain ? "> " : "▌ ") : "  ", x: 0, row: row, in: area, style: marked ? barStyle : .plain)
            buffer.write(line.text, x: Self.margin, row: row, in: area, style: line.style)
        }
    }
}
