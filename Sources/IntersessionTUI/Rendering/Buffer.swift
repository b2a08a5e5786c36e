/// A screen's worth of cells that `view` draws into each frame; the backend copies it to the
/// terminal and tests compare its `lines()`.
public struct Buffer: Sendable, Equatable, CustomStringConvertible {
    public let width: Int
    public let height: Int
    /// Row-major: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .empty, count: self.width * self.height)
    }

    /// A buffer holding these lines in the plain style, as wide as the widest; for expected
    /// values in tests.
    public init(lines: [String]) {
        self.init(width: lines.map(\.cellWidth).max() ?? 0, height: lines.count)
        for (row, line) in lines.enumerated() {
            setString(x: 0, y: row, line)
        }
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            precondition(area.contains(x: x, y: y), "cell (\(x), \(y)) outside \(area)")
            return cells[y * width + x]
        }
        set {
            precondition(area.contains(x: x, y: y), "cell (\(x), \(y)) outside \(area)")
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from column `x` of row `y`, one grapheme cluster per cell (two for a wide
    /// one), and returns the columns used. Control and zero-width characters are skipped;
    /// writing stops at `maxWidth` columns or the right edge. A wide character that would be
    /// cut in half there is replaced by a space, counted in the result, so no stale cell
    /// survives where it would have been.
    @discardableResult
    public mutating func setString(x: Int, y: Int, _ text: some StringProtocol, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let budget = min(maxWidth ?? .max, width - x)
        var used = 0
        for character in text {
            let columns = character.cellWidth
            guard columns > 0 else { continue }
            guard used + columns <= budget else {
                if used < budget {
                    put(.blank(style), x: x + used, y: y)
                    used += 1
                }
                break
            }
            put(Cell(character, style: style), x: x + used, y: y)
            if columns == 2 {
                put(.continuation(style), x: x + used + 1, y: y)
            }
            used += columns
        }
        return used
    }

    /// Blanks every cell of `rect` (clipped to the buffer) in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for row in clipped.y..<clipped.bottom {
            for column in clipped.x..<clipped.right {
                cells[row * width + column] = .blank(style)
            }
        }
        // A wide character straddling either edge has just lost one of its halves.
        for row in clipped.y..<clipped.bottom {
            repairWideCharacter(x: clipped.x, y: row)
            repairWideCharacter(x: clipped.right, y: row)
        }
    }

    /// Restyles every cell of `rect` (clipped to the buffer) and keeps the text, as when
    /// highlighting a selected row.
    public mutating func setStyle(_ rect: Rect, _ style: Style) {
        let clipped = rect.intersection(area)
        for row in clipped.y..<clipped.bottom {
            for column in clipped.x..<clipped.right {
                cells[row * width + column].style = style
            }
        }
    }

    /// The text of each row; a wide character appears once, its continuation not at all.
    public func lines(trimmingTrailingSpaces: Bool = false) -> [String] {
        (0..<height).map { row in
            var line = ""
            for cell in cells[row * width..<(row + 1) * width] where !cell.isContinuation {
                line += cell.symbol
            }
            guard trimmingTrailingSpaces else { return line }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    public var description: String { lines().joined(separator: "\n") }

    /// Writes one cell, first blanking what remains of any wide character it overlaps.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        }
        if x + 1 < width, cells[index + 1].isContinuation, !cells[index].isContinuation {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// Blanks the first half of a wide character whose continuation at (x, y) was
    /// overwritten, or a continuation at (x, y) whose wide character is gone.
    private mutating func repairWideCharacter(x: Int, y: Int) {
        guard x > 0, x <= width else { return }
        let index = y * width + x
        let before = cells[index - 1]
        if x < width, cells[index].isContinuation, before.isContinuation || before.symbol.cellWidth < 2 {
            cells[index] = .blank(cells[index].style)
        } else if !before.isContinuation, before.symbol.cellWidth == 2, x == width || !cells[index].isContinuation {
            cells[index - 1] = .blank(before.style)
        }
    }
}
