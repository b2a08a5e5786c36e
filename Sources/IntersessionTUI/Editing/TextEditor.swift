/// The text of the built-in editor: lines of characters and a cursor. Pure: the compose screen
/// feeds it keys and draws it.
public struct TextEditor: Sendable, Equatable {
    public private(set) var lines: [[Character]] = [[]]
    public private(set) var row = 0
    public private(set) var column = 0
    public let singleLine: Bool

    public init(_ text: String = "", singleLine: Bool = false) {
        self.singleLine = singleLine
        setText(text)
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }
    public var isEmpty: Bool { lines.count == 1 && lines[0].isEmpty }

    public mutating func setText(_ text: String) {
        let source = singleLine ? text.replacingOccurrences(of: "\n", with: " ") : text
        lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if lines.isEmpty { lines = [[]] }
        row = lines.count - 1
        column = lines[row].count
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(String(character))
        case .paste(let text): insert(text)
        case .enter where !singleLine: insert("\n")
        case .backspace: backspace()
        case .delete: deleteForward()
        case .left: moveLeft()
        case .right: moveRight()
        case .up where !singleLine: moveVertically(-1)
        case .down where !singleLine: moveVertically(1)
        case .home, .ctrl("a"): column = 0
        case .end, .ctrl("e") where singleLine: column = lines[row].count
        case .end: column = lines[row].count
        default: return false
        }
        return true
    }

    mutating func insert(_ text: String) {
        for character in text where !(character.isNewline && singleLine) {
            if character.isNewline {
                let rest = Array(lines[row][column...])
                lines[row].removeSubrange(column...)
                lines.insert(rest, at: row + 1)
                row += 1
                column = 0
            } else if character == "\t" || !(character.unicodeScalars.first?.properties.generalCategory == .control) {
                insertJoining(character == "\t" ? " " : character)
            }
        }
    }

    /// Inserts at the caret, re-forming grapheme clusters across it: a joiner, a skin tone or
    /// the second half of a flag typed after its base joins it, so the line holds one
    /// `Character` per cluster and the caret moves, deletes and wraps by cluster.
    private mutating func insertJoining(_ character: Character) {
        let after = String(lines[row][column...])
        let joined = Array(String(lines[row][..<column]) + String(character) + after)
        lines[row] = joined
        column = max(0, joined.count - after.count)
    }

    mutating func backspace() {
        if column > 0 {
            lines[row].remove(at: column - 1)
            column -= 1
        } else if row > 0 {
            column = lines[row - 1].count
            lines[row - 1] += lines[row]
            lines.remove(at: row)
            row -= 1
        }
    }

    mutating func deleteForward() {
        if column < lines[row].count {
            lines[row].remove(at: column)
        } else if row + 1 < lines.count {
            lines[row] += lines[row + 1]
            lines.remove(at: row + 1)
        }
    }

    mutating func moveLeft() {
        if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
    }

    mutating func moveRight() {
        if column < lines[row].count { column += 1 } else if row + 1 < lines.count { row += 1; column = 0 }
    }

    mutating func moveVertically(_ delta: Int) {
        row = min(max(0, row + delta), lines.count - 1)
        column = min(column, lines[row].count)
    }
}
