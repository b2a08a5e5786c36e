import Testing
@testable import IntersessionTUI

@Suite("Buffer")
struct BufferTests {
    @Test func newBufferIsBlank() {
        let buffer = Buffer(width: 3, height: 2)
        #expect(buffer.lines() == ["   ", "   "])
        #expect(buffer.lines(trimmingTrailingSpaces: true) == ["", ""])
    }

    @Test func setStringWritesAndReturnsColumns() {
        var buffer = Buffer(width: 8, height: 1)
        let used = buffer.setString(x: 1, y: 0, "héllo", style: Style(attributes: .bold))
        #expect(used == 5)
        #expect(buffer.lines() == [" héllo  "])
        #expect(buffer[1, 0].style.attributes == .bold)
        #expect(buffer[0, 0].style == .plain)
    }

    @Test func decomposedAccentStaysInOneCell() {
        var buffer = Buffer(width: 4, height: 1)
        #expect(buffer.setString(x: 0, y: 0, "e\u{301}t\u{E9}") == 3)
        #expect(buffer[0, 0].symbol == "e\u{301}")
        #expect(buffer[1, 0].symbol == "t")
    }

    @Test func setStringStopsAtRightEdgeAndBudget() {
        var buffer = Buffer(width: 6, height: 2)
        #expect(buffer.setString(x: 2, y: 0, "abcdefgh") == 4)
        #expect(buffer.setString(x: 0, y: 1, "abcdefgh", maxWidth: 3) == 3)
        #expect(buffer.lines() == ["  abcd", "abc   "])
    }

    @Test func wideCharacterTakesTwoCells() {
        var buffer = Buffer(width: 6, height: 1)
        #expect(buffer.setString(x: 0, y: 0, "漢字👍🏽") == 6)
        #expect(buffer[0, 0].symbol == "漢")
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[4, 0].symbol == "👍🏽")
        #expect(buffer[5, 0].isContinuation)
        #expect(buffer.lines() == ["漢字👍🏽"])
    }

    @Test func wideCharacterCutAtRightEdgeBecomesSpace() {
        var buffer = Buffer(lines: ["xxxxx"])
        #expect(buffer.setString(x: 0, y: 0, "ab漢字") == 5)
        #expect(buffer.lines() == ["ab漢 "])
        #expect(buffer[3, 0].isContinuation)
        #expect(buffer[4, 0] == .blank())
    }

    @Test func wideCharacterCutAtBudgetBecomesSpace() {
        var buffer = Buffer(lines: ["xxxxxx"])
        #expect(buffer.setString(x: 0, y: 0, "漢字", maxWidth: 3) == 3)
        #expect(buffer.lines() == ["漢 xxx"])
    }

    @Test func wideCharacterInOneColumnBudgetWritesOnlyASpace() {
        var buffer = Buffer(lines: ["xxx"])
        #expect(buffer.setString(x: 2, y: 0, "漢") == 1)
        #expect(buffer.lines() == ["xx "])
    }

    @Test func controlAndZeroWidthCharactersAreSkipped() {
        var buffer = Buffer(width: 6, height: 1)
        #expect(buffer.setString(x: 0, y: 0, "a\tb\u{200B}c\u{1B}[0m\n") == 6)
        #expect(buffer.lines() == ["abc[0m"])
    }

    @Test func writingOverHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(lines: ["漢字漢"])
        buffer.setString(x: 1, y: 0, "a")
        buffer.setString(x: 4, y: 0, "b")
        #expect(buffer.lines() == [" a字b "])
        #expect(!buffer.cells.contains { $0.isContinuation && $0.symbol != "" })
    }

    @Test func wideCharacterOverWideCharacterShiftedByOne() {
        var buffer = Buffer(lines: ["漢字漢"])
        buffer.setString(x: 1, y: 0, "字")
        #expect(buffer.lines() == [" 字 漢"])
    }

    @Test func outOfBoundsWritesNothing() {
        var buffer = Buffer(width: 3, height: 1)
        #expect(buffer.setString(x: 3, y: 0, "a") == 0)
        #expect(buffer.setString(x: 0, y: 1, "a") == 0)
        #expect(buffer.setString(x: -1, y: 0, "a") == 0)
        #expect(buffer == Buffer(width: 3, height: 1))
    }

    @Test func fillBlanksAClippedRectInAStyle() {
        var buffer = Buffer(lines: ["abcd", "efgh", "ijkl"])
        let highlight = Style(foreground: .black, background: .cyan)
        buffer.fill(Rect(x: 2, y: 1, width: 5, height: 5), style: highlight)
        #expect(buffer.lines() == ["abcd", "ef  ", "ij  "])
        #expect(buffer[3, 2].style == highlight)
        #expect(buffer[1, 1].style == .plain)
    }

    @Test func fillOverHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(lines: ["漢字漢"])
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1))
        #expect(buffer.lines() == ["    漢"])
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test func setStyleKeepsText() {
        var buffer = Buffer(lines: ["abc"])
        buffer.setStyle(Rect(x: 0, y: 0, width: 2, height: 1), Style(attributes: .reverse))
        #expect(buffer.lines() == ["abc"])
        #expect(buffer[1, 0].style.attributes == .reverse)
        #expect(buffer[2, 0].style == .plain)
    }

    @Test func bufferFromLinesIsAsWideAsTheWidestLine() {
        let buffer = Buffer(lines: ["漢字", "a"])
        #expect(buffer.width == 4)
        #expect(buffer.lines() == ["漢字", "a   "])
    }

    @Test func noControlCharacterReachesACell() {
        var buffer = Buffer(width: 20, height: 1)
        buffer.setString(x: 0, y: 0, "a\u{1B}[2Jb\u{9B}c\u{202E}d\n")
        #expect(buffer.lines(trimmingTrailingSpaces: true) == ["a[2Jbcd"])
        buffer[5, 0] = Cell("\u{1B}")
        buffer[6, 0] = Cell("\u{202E}")
        #expect(buffer[5, 0].symbol == "\u{FFFD}" && buffer[6, 0].symbol == "\u{FFFD}")
        let symbols = buffer.cells.flatMap(\.symbol.unicodeScalars)
        #expect(!symbols.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
    }
}
