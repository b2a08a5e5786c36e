import Testing
@testable import IntersessionTUI

@Suite("Frame diff")
struct FrameDiffTests {
    /// The writes as "x,y:symbol" for readable failures.
    func describe(_ writes: [FrameDiff.Write]) -> [String] {
        writes.map { "\($0.x),\($0.y):\($0.cell.symbol)" }
    }

    @Test func firstFrameWritesEveryCellButContinuations() {
        let frame = Buffer(lines: ["a漢b", "cd"])
        #expect(describe(FrameDiff.writes(from: nil, to: frame))
            == ["0,0:a", "1,0:漢", "3,0:b", "0,1:c", "1,1:d", "2,1: ", "3,1: "])
    }

    @Test func sameFrameWritesNothing() {
        let frame = Buffer(lines: ["a漢b"])
        #expect(FrameDiff.writes(from: frame, to: frame).isEmpty)
    }

    @Test func writesOnlyChangedCells() {
        let before = Buffer(lines: ["hello", "world"])
        var after = before
        after.setString(x: 1, y: 1, "a")
        after.setStyle(Rect(x: 4, y: 0, width: 1, height: 1), Style(attributes: .bold))
        let writes = FrameDiff.writes(from: before, to: after)
        #expect(describe(writes) == ["4,0:o", "1,1:a"])
        #expect(writes[0].cell.style.attributes == .bold)
    }

    @Test func newSizeWritesEverything() {
        let before = Buffer(lines: ["ab"])
        let after = Buffer(lines: ["ab", "cd"])
        #expect(FrameDiff.writes(from: before, to: after).count == 4)
    }

    @Test func wideCharacterReplacedByNarrowOnes() {
        let before = Buffer(lines: ["漢x"])
        let after = Buffer(lines: ["abx"])
        #expect(describe(FrameDiff.writes(from: before, to: after)) == ["0,0:a", "1,0:b"])
    }

    @Test func narrowCharactersReplacedByAWideOne() {
        let before = Buffer(lines: ["abx"])
        let after = Buffer(lines: ["漢x"])
        #expect(describe(FrameDiff.writes(from: before, to: after)) == ["0,0:漢"])
    }

    @Test func orphanContinuationIsBlanked() {
        var after = Buffer(width: 2, height: 1)
        after[0, 0] = .continuation()
        #expect(describe(FrameDiff.writes(from: Buffer(width: 2, height: 1), to: after)) == ["0,0: "])
    }

    @Test func blankFollowsAWideCharacterNcursesThinksNarrow() {
        let before = Buffer(lines: ["abc"])
        let after = Buffer(lines: ["🇫🇷c"])
        #expect(describe(FrameDiff.writes(from: before, to: after, displayWidth: { _ in 1 })) == ["0,0:🇫🇷", "1,0: "])
    }

    @Test func cellAfterACharacterNcursesThinksWideIsRewritten() {
        let before = Buffer(lines: ["abc"])
        let after = Buffer(lines: ["xbc"])
        let wideX: (String) -> Int = { $0 == "x" ? 2 : 1 }
        #expect(describe(FrameDiff.writes(from: before, to: after, displayWidth: wideX)) == ["0,0:x", "1,0:b"])
    }
}
