/// A list with a selection: each row a leading text and a trailing one set against the right
/// edge, scrolled by the list's offset (only the rows in view are built, so a list of 100,000
/// costs what a screenful does), with a position indicator (`3/40`) in the last row's
/// right end when the rows do not all fit. In plain mode the selected row carries `> `, for
/// screen readers and monochrome terminals alike, and the cursor goes on it.
public struct List: Widget, Sendable {
    public struct Row: Sendable {
        public var leading: String
        public var trailing: String
        public var style: Style
        /// The trailing text's style when the row is not selected.
        public var trailingStyle: Style?

        public init(_ leading: String, trailing: String = "", style: Style = .plain, trailingStyle: Style? = nil) {
            self.leading = leading
            self.trailing = trailing
            self.style = style
            self.trailingStyle = trailingStyle
        }
    }

    /// The rows in view, from `offset` on.
    public var rows: [Row]
    /// How many rows the whole list has.
    public var total: Int
    public var selected: Int?
    public var offset: Int
    public var selectedStyle: Style
    public var indicatorStyle: Style
    public var plain: Bool
    /// Below this many columns for the leading text, the trailing one is left out.
    public var minimumLeading = 24

    public init(rows: [Row], total: Int? = nil, selected: Int?, offset: Int, selectedStyle: Style, indicatorStyle: Style, plain: Bool) {
        self.rows = rows
        self.total = total ?? offset + rows.count
        self.selected = selected
        self.offset = offset
        self.selectedStyle = selectedStyle
        self.indicatorStyle = indicatorStyle
        self.plain = plain
    }

    /// Where the selected row is drawn in `area`, if it is visible.
    public func cursor(in area: Rect) -> (x: Int, y: Int)? {
        guard let selected, selected >= offset, selected < offset + area.height, rows.indices.contains(selected - offset) else { return nil }
        return (area.x, area.y + selected - offset)
    }

    public func render(in area: Rect, into buffer: inout Buffer) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        for (line, row) in rows.prefix(area.height).enumerated() {
            renderRow(row, selected: offset + line == selected, y: area.y + line, area, &buffer)
        }
        guard total > area.height, let selected else { return }
        let label = " \(selected + 1)/\(total) "
        let width = label.cellWidth
        guard area.width > width + 8 else { return }
        buffer.setString(x: area.right - width, y: area.bottom - 1, label, style: indicatorStyle)
    }

    private func renderRow(_ row: Row, selected: Bool, y: Int, _ area: Rect, _ buffer: inout Buffer) {
        let style = selected ? selectedStyle : row.style
        let rowRect = Rect(x: area.x, y: y, width: area.width, height: 1)
        if selected { buffer.fill(rowRect, style: style) }
        let marker = plain ? (selected ? "> " : "  ") : ""
        let leading = marker + row.leading
        // The leading text names the row: it keeps up to three fifths of the width, and the
        // trailing one (counts, dates) gives way, cut, or left out when less than six columns
        // (or than itself, when shorter) remain for it.
        let wanted = row.trailing.isEmpty ? 0 : row.trailing.cellWidth + 1
        let leadingRoom = wanted == 0 ? area.width
            : max(area.width - wanted - 1, min(leading.cellWidth, max(minimumLeading, area.width * 3 / 5)))
        let trailingRoom = min(wanted, area.width - leadingRoom - 1)
        let showsTrailing = wanted > 0 && trailingRoom >= min(6, wanted)
        let room = showsTrailing ? leadingRoom : area.width
        buffer.setString(x: area.x, y: y, leading.truncated(to: max(0, room)), style: style, maxWidth: room)
        if showsTrailing {
            buffer.setString(x: area.right - trailingRoom, y: y, row.trailing.truncated(to: trailingRoom - 1),
                             style: selected ? style : (row.trailingStyle ?? style), maxWidth: trailingRoom)
        }
    }
}

extension List {
    /// The rows in view of a list state, each made by `row`, in the theme's styles.
    init<Item>(_ state: ListState<Item>, height: Int, theme: Theme, plain: Bool, row: (Item) -> Row) {
        let window = state.window(rows: height)
        self.init(rows: state.items[window].map(row), total: state.items.count, selected: state.items.isEmpty ? nil : state.selected,
                  offset: window.lowerBound, selectedStyle: theme.selected, indicatorStyle: theme.meta, plain: plain)
    }
}

extension ListState {
    /// The indices shown in `rows` rows from the offset.
    func window(rows: Int) -> Range<Int> {
        let start = min(max(0, offset), items.count)
        return start..<min(items.count, start + max(0, rows))
    }
}
