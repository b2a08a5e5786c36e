/// Breaks text into lines no wider than a number of terminal columns: at spaces where it
/// can, inside a word only when the word alone is too wide. Newlines are hard breaks.
/// Views use it to measure how many rows a text needs before drawing it.
public enum WordWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            result += wrap(paragraph, width: width)
        }
        return result
    }

    private static func wrap(_ paragraph: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var spaces = ""
        for (isSpace, run) in runs(of: paragraph) {
            if isSpace {
                // Spaces where a line was broken vanish; the indent of a paragraph stays.
                if !(line.isEmpty && !lines.isEmpty) { spaces += run }
                continue
            }
            let wordWidth = run.cellWidth
            if lineWidth + spaces.cellWidth + wordWidth <= width {
                line += spaces + run
                lineWidth += spaces.cellWidth + wordWidth
            } else {
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                if wordWidth <= width {
                    line = run
                    lineWidth = wordWidth
                } else {
                    var pieces = split(run, width: width)
                    let last = pieces.removeLast()
                    lines += pieces
                    line = last
                    lineWidth = last.cellWidth
                }
            }
            spaces = ""
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Alternating runs of break-allowing spaces and of everything else. No-break spaces
    /// (U+00A0, U+202F, U+2007) belong to words: French sets one before « ; : ! ? » and
    /// inside guillemets, and the mark must not start a line.
    private static func runs(of text: Substring) -> [(isSpace: Bool, text: String)] {
        var runs: [(isSpace: Bool, text: String)] = []
        for character in text {
            let isSpace = character.isWhitespace && !noBreakSpaces.contains(character)
            // A tab would be skipped as a control character when drawn; it separates words.
            let shown: Character = character == "\t" ? " " : character
            if let last = runs.last, last.isSpace == isSpace {
                runs[runs.count - 1].text.append(shown)
            } else {
                runs.append((isSpace, String(shown)))
            }
        }
        return runs
    }

    private static let noBreakSpaces: Set<Character> = ["\u{00A0}", "\u{202F}", "\u{2007}"]

    /// Cuts a word into pieces of at most `width` columns. A character wider than `width`
    /// still gets a piece of its own so that wrapping always advances.
    private static func split(_ word: String, width: Int) -> [String] {
        var pieces: [String] = []
        var piece = ""
        var pieceWidth = 0
        for character in word {
            let columns = character.cellWidth
            if pieceWidth + columns > width, !piece.isEmpty {
                pieces.append(piece)
                piece = ""
                pieceWidth = 0
            }
            piece.append(character)
            pieceWidth += columns
        }
        pieces.append(piece)
        return pieces
    }
}
