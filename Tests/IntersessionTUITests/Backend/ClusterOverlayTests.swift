import Testing
@testable import IntersessionTUI

/// glibc's `wcwidth` as ncurses sees it, for the scalars these tests use.
private func libcWidth(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case 0x200D, 0xFE0F, 0x0301, 0x20E3: 0
    case 0x1F1E6...0x1F1FF, 0x2764: 1
    case 0x1F300...0x1FAFF, 0x4E00...0x9FFF: 2
    default: 1
    }
}

@Suite("Clusters written past ncurses")
struct ClusterOverlayTests {
    func describe(_ writes: [FrameDiff.Write]) -> [String] {
        writes.map { "\($0.x),\($0.y):\($0.cell.symbol)" }
    }

    @Test func ncursesHoldsASpacingCharacterWithItsMarks() {
        #expect(ClusterOverlay.fitsOneCell("a", scalarWidth: libcWidth))
        #expect(ClusterOverlay.fitsOneCell("e\u{301}", scalarWidth: libcWidth))
        #expect(ClusterOverlay.fitsOneCell("漢", scalarWidth: libcWidth))
        #expect(!ClusterOverlay.fitsOneCell("🇫🇷", scalarWidth: libcWidth))
        #expect(!ClusterOverlay.fitsOneCell("👩\u{200D}💻", scalarWidth: libcWidth))
        #expect(!ClusterOverlay.fitsOneCell("👍🏽", scalarWidth: libcWidth))
        // ncurses would give it one column where the buffer gives two.
        #expect(!ClusterOverlay.fitsOneCell("\u{2764}\u{FE0F}", scalarWidth: libcWidth))
    }

    @Test func aFlagAndAZWJSequenceAreWrittenWholeOverPlaceholders() {
        let frame = Buffer(lines: ["a🇫🇷👩\u{200D}💻b"])
        let writes = FrameDiff.writes(from: nil, to: frame) { $0.unicodeScalars.first.map(libcWidth) ?? 1 }
        let plan = ClusterOverlay.plan(writes, previous: nil, width: frame.width, scalarWidth: libcWidth)
        // ncurses keeps its grid as wide as the buffer: a blank pair for the flag, the woman
        // (two columns to the C library) for the sequence.
        #expect(describe(plan.ncursesWrites) == ["0,0:a", "1,0: ", "2,0: ", "3,0:👩", "5,0:b"])
        #expect(describe(plan.overlays) == ["1,0:🇫🇷", "3,0:👩\u{200D}💻"])
    }

    @Test func aCellThatHeldAClusterIsRewrittenDirectly() {
        let before = Buffer(lines: ["🇫🇷x"])
        let after = Buffer(lines: ["  x"])
        let writes = FrameDiff.writes(from: before, to: after) { $0.unicodeScalars.first.map(libcWidth) ?? 1 }
        let plan = ClusterOverlay.plan(writes, previous: before, width: after.width, scalarWidth: libcWidth)
        // ncurses thinks it already shows two blanks there, so it would write nothing.
        #expect(describe(plan.overlays) == ["0,0: ", "1,0: "])
    }

    @Test func theSequenceSavesMovesStylesAndRestores() {
        let write = FrameDiff.Write(x: 4, y: 2, cell: Cell("🇫🇷", style: Style(foreground: .red, attributes: .bold)))
        let colored = ClusterOverlay.sequence([write]) { _ in (1, -1) }
        #expect(colored == "\u{1B}7\u{1B}[3;5H\u{1B}[0;1;31m🇫🇷\u{1B}[0m\u{1B}8")
        #expect(ClusterOverlay.sequence([write], colors: nil) == "\u{1B}7\u{1B}[3;5H\u{1B}[0;1m🇫🇷\u{1B}[0m\u{1B}8")
        #expect(ClusterOverlay.sequence([], colors: nil).isEmpty)
    }
}
