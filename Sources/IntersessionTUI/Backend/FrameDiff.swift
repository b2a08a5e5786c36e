/// Decides which cells to write to turn the frame on screen into the next one, so that a
/// frame costs only what changed.
///
/// A wide character is written once, in its first cell; its continuation cell never is.
/// ncurses measures characters with the C library's `wcwidth`, which can disagree with
/// the buffer's widths (emoji, flags); the writes then keep ncurses' grid in step with the
/// buffer, at the price of the odd glyph: a character ncurses thinks narrow but the buffer
/// made wide gets a blank written after it, and the cell after one ncurses thinks wide but
/// the buffer made narrow is written again. A cluster ncurses cannot hold whole (a flag, a
/// ZWJ sequence) is then written past it by `ClusterOverlay`.
enum FrameDiff {
    struct Write: Sendable, Hashable {
        var x: Int
        var y: Int
        var cell: Cell
    }

    /// The writes, in screen order, that turn `previous` into `next`; every cell when there
    /// is no previous frame or its size differs. `displayWidth` is how many columns ncurses
    /// gives a cell's symbol.
    static func writes(from previous: Buffer?, to next: Buffer,
                       displayWidth: (String) -> Int = { $0.cellWidth }) -> [Write] {
        let width = next.width
        let unchanged: Buffer? = previous.flatMap { $0.width == next.width && $0.height == next.height ? $0 : nil }
        var writes: [Write] = []
        for y in 0..<next.height {
            var x = 0
            // Set when ncurses drew the previous character over this cell too.
            var mustWrite = false
            while x < width {
                let index = y * width + x
                let cell = next.cells[index]
                defer { x += 1 }
                guard mustWrite || unchanged?.cells[index] != cell else { continue }
                mustWrite = false
                if cell.isContinuation {
                    // A continuation with no wide character before it would never be drawn.
                    if !isWideStart(next, index - 1, row: y) {
                        writes.append(Write(x: x, y: y, cell: .blank(cell.style)))
                    }
                    continue
                }
                writes.append(Write(x: x, y: y, cell: cell))
                let bufferWide = x + 1 < width && next.cells[index + 1].isContinuation
                let screenWide = displayWidth(cell.symbol) >= 2
                if bufferWide && !screenWide {
                    writes.append(Write(x: x + 1, y: y, cell: .blank(cell.style)))
                    x += 1
                } else if !bufferWide && screenWide {
                    mustWrite = true
                }
            }
        }
        return writes
    }

    /// Whether the cell at `index` (in row `row`) starts a wide character.
    private static func isWideStart(_ buffer: Buffer, _ index: Int, row: Int) -> Bool {
        guard index >= row * buffer.width else { return false }
        let cell = buffer.cells[index]
        return !cell.isContinuation && cell.symbol.cellWidth == 2
    }
}
