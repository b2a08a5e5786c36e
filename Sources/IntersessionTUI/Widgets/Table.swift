/// Rows of cells in columns: each column as wide as its widest cell up to its cap, the last
/// one taking what is left; cells cut with an ellipsis, never into the next column. Selection
/// and scrolling are a `List`'s, whose rows the table lays out.
public struct Table: Widget, Sendable {
    public struct Column: Sendable {
        public var maximum: Int
        /// Never cut: the column is as wide as its widest cell in view, and the others give way
        /// (a word that names what happened must be read whole).
        public var whole: Bool
        public init(maximum: Int, whole: Bool = false) {
            self.maximum = maximum
            self.whole = whole
        }
    }

    public var columns: [Column]
    /// The rows in view, from `offset` on.
    public var cells: [[String]]
    public var styles: [Style]
    public var total: Int
    public var selected: Int?
    public var offset: Int
    public var selectedStyle: Style
    public var indicatorStyle: Style
    public var plain: Bool
    /// Columns between two cells.
    public var gap = 2

    public init(columns: [Column], cells: [[String]], styles: [Style], total: Int, selected: Int?, offset: Int, selectedStyle: Style,
                indicatorStyle: Style, plain: Bool) {
        self.columns = columns
        self.cells = cells
        self.styles = styles
        self.total = total
        self.selected = selected
        self.offset = offset
        self.selectedStyle = selectedStyle
        self.indicatorStyle = indicatorStyle
        self.plain = plain
    }

    /// The columns' widths: each as its widest cell in view, capped.
    func widths() -> [Int] {
        columns.indices.map { column in
            let widest = cells.lazy.compactMap { row in row.indices.contains(column) ? row[column].cellWidth : nil }.max() ?? 0
            return columns[column].whole ? widest : min(widest, columns[column].maximum)
        }
    }

    /// The narrowest a column that may be cut is cut to.
    static let narrowest = 6

    /// The widths shrunk, widest first, until the columns before the last take at most two
    /// thirds of `width`: the last column (the text) keeps a third. A table with a whole
    /// column leaves the last a fifth (at least 16 columns), and if the whole column needs
    /// more than the others can give, the last column gets what is left.
    func widths(fitting width: Int) -> [Int] {
        var widths = widths()
        guard widths.count > 1 else { return widths }
        let limit = columns.contains(where: \.whole) ? width - max(16, width / 5) : width * 2 / 3
        func used() -> Int { widths.dropLast().reduce(0, +) + gap * (widths.count - 1) }
        let cuttable = widths.indices.dropLast().filter { !columns[$0].whole }
        while used() > limit, let widest = cuttable.max(by: { widths[$0] < widths[$1] }), widths[widest] > Self.narrowest {
            widths[widest] -= 1
        }
        return widths
    }

    public func render(in area: Rect, into buffer: inout Buffer) {
        let widths = widths(fitting: area.width)
        let rows = cells.enumerated().map { row, cells -> List.Row in
            var line = ""
            for (column, cell) in cells.enumerated() {
                let last = column == cells.count - 1
                line += last ? cell : cell.truncated(to: widths[column]).padded(to: widths[column]) + String(repeating: " ", count: gap)
            }
            return List.Row(line, style: styles.indices.contains(row) ? styles[row] : .plain)
        }
        let list = List(rows: rows, total: total, selected: selected, offset: offset, selectedStyle: selectedStyle,
                        indicatorStyle: indicatorStyle, plain: plain)
        list.render(in: area, into: &buffer)
    }
}

extension String {
    /// Padded with spaces to `width` columns.
    func padded(to width: Int) -> String {
        let missing = width - cellWidth
        return missing > 0 ? self + String(repeating: " ", count: missing) : self
    }
}
