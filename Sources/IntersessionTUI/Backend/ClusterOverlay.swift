/// Grapheme clusters ncurses cannot hold in one cell, written to the terminal directly.
///
/// ncursesw keeps one spacing character and a few zero-width ones per cell (`setcchar`) and
/// measures them with the C library's `wcwidth`. A flag (two regional indicators, each one
/// column to the C library), a ZWJ sequence (👩‍💻: woman, joiner, laptop, two spacing
/// characters) or a skin tone (another spacing character) does not fit: ncurses keeps the
/// first character and drops the rest, and the screen shows half a flag or `👩‍`.
///
/// So such a cluster's cell gets a placeholder in ncurses as wide as the buffer made the
/// cluster (its first character, or a space that `FrameDiff` follows with a blank), and after
/// the refresh the whole cluster is written in place as UTF-8, the cursor and attributes saved
/// and restored around it so that ncurses' idea of the terminal stays true. A cell that held
/// such a cluster in the previous frame is written directly too: ncurses compares with its
/// placeholder, not with what the terminal shows, and could skip the write.
enum ClusterOverlay {
    /// What ncurses draws, and what is written over it afterwards.
    struct Plan: Sendable, Hashable {
        var ncursesWrites: [FrameDiff.Write]
        var overlays: [FrameDiff.Write]
    }

    /// Splits `writes` (from `FrameDiff`, turning `previous` into the next frame) into the
    /// cells ncurses draws and those written directly. `scalarWidth` is the C library's width.
    static func plan(_ writes: [FrameDiff.Write], previous: Buffer?, width: Int,
                     scalarWidth: (Unicode.Scalar) -> Int) -> Plan {
        var plan = Plan(ncursesWrites: [], overlays: [])
        // The second column of a cluster just written directly: never blanked over it.
        var covered: (x: Int, y: Int)?
        for write in writes {
            if !fitsOneCell(write.cell.symbol, scalarWidth: scalarWidth) {
                var placeholder = write
                placeholder.cell = Self.placeholder(for: write.cell, scalarWidth: scalarWidth)
                plan.ncursesWrites.append(placeholder)
                plan.overlays.append(write)
                covered = write.cell.symbol.cellWidth == 2 ? (write.x + 1, write.y) : nil
                continue
            }
            plan.ncursesWrites.append(write)
            let isCovered = covered.map { $0.x == write.x && $0.y == write.y } ?? false
            if !isCovered, heldOverlay(previous, x: write.x, y: write.y, width: width, scalarWidth: scalarWidth) {
                plan.overlays.append(write)
            }
        }
        return plan
    }

    /// Whether ncurses draws `symbol` whole and as wide as the buffer does: one spacing
    /// character followed only by zero-width ones, no more than a cell holds.
    static func fitsOneCell(_ symbol: String, scalarWidth: (Unicode.Scalar) -> Int) -> Bool {
        let scalars = Array(symbol.unicodeScalars)
        guard let first = scalars.first else { return true }
        guard scalars.count <= maximumScalarsPerCell else { return false }
        guard scalars.dropFirst().allSatisfy({ scalarWidth($0) == 0 }) else { return false }
        let screenWidth = scalarWidth(first)
        guard screenWidth >= 1 else { return false }
        return min(screenWidth, 2) == max(1, symbol.cellWidth)
    }

    /// The escape sequence that writes `overlays` at their cells: cursor and attributes
    /// saved first (DECSC) and restored last (DECRC). `colors` gives the terminal's colour
    /// numbers for a style (-1 for its own colour), nil when drawing without colour.
    static func sequence(_ overlays: [FrameDiff.Write], colors: ((Style) -> (foreground: Int, background: Int))?) -> String {
        guard !overlays.isEmpty else { return "" }
        var output = "\u{1B}7"
        for write in overlays {
            output += "\u{1B}[\(write.y + 1);\(write.x + 1)H"
            output += selectGraphicRendition(write.cell.style, colors: colors?(write.cell.style))
            output += write.cell.symbol.isEmpty ? " " : write.cell.symbol
        }
        output += "\u{1B}[0m\u{1B}8"
        return output
    }

    /// setcchar's CCHARW_MAX in ncurses' default build.
    private static let maximumScalarsPerCell = 5

    private static func placeholder(for cell: Cell, scalarWidth: (Unicode.Scalar) -> Int) -> Cell {
        if let first = cell.symbol.unicodeScalars.first, scalarWidth(first) == cell.symbol.cellWidth {
            return Cell(Character(first), style: cell.style)
        }
        return .blank(cell.style)
    }

    /// Whether the previous frame had a directly written cluster covering (x, y).
    private static func heldOverlay(_ previous: Buffer?, x: Int, y: Int, width: Int,
                                    scalarWidth: (Unicode.Scalar) -> Int) -> Bool {
        guard let previous, previous.width == width, y < previous.height, x < previous.width else { return false }
        var index = y * width + x
        if previous.cells[index].isContinuation, x > 0 { index -= 1 }
        let cell = previous.cells[index]
        return !cell.isContinuation && !fitsOneCell(cell.symbol, scalarWidth: scalarWidth)
    }

    private static func selectGraphicRendition(_ style: Style, colors: (foreground: Int, background: Int)?) -> String {
        var parameters = ["0"]
        if style.attributes.contains(.bold) { parameters.append("1") }
        if style.attributes.contains(.dim) { parameters.append("2") }
        if style.attributes.contains(.underline) { parameters.append("4") }
        if style.attributes.contains(.reverse) { parameters.append("7") }
        if let colors {
            parameters += colorParameters(colors.foreground, base: 30, bright: 90, extended: 38)
            parameters += colorParameters(colors.background, base: 40, bright: 100, extended: 48)
        }
        return "\u{1B}[" + parameters.joined(separator: ";") + "m"
    }

    private static func colorParameters(_ number: Int, base: Int, bright: Int, extended: Int) -> [String] {
        switch number {
        case ..<0: []
        case ..<8: [String(base + number)]
        case ..<16: [String(bright + number - 8)]
        default: ["\(extended)", "5", "\(number)"]
        }
    }
}
