import Testing
@testable import IntersessionTUI

@Suite("Paragraph")
struct ParagraphTests {
    @Test func wrapsIntoItsAreaAndClips() {
        var buffer = Buffer(lines: Array(repeating: "............", count: 4))
        let paragraph = Paragraph("Les délégués votent jusqu’à vendredi.")
        buffer.render(paragraph, in: Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(buffer.lines() == [
            "............",
            ".Les       .",
            ".délégués  .",
            "............",
        ])
    }

    @Test func scrollSkipsWrappedLines() {
        var buffer = Buffer(width: 10, height: 2)
        Paragraph("Les délégués votent jusqu’à vendredi.", scroll: 2).render(in: buffer.area, into: &buffer)
        #expect(buffer.lines(trimmingTrailingSpaces: true) == ["votent", "jusqu’à"])
    }

    @Test func wideTextInANarrowAreaNeverSpillsOut() {
        var buffer = Buffer(lines: ["xxxx", "xxxx", "xxxx"])
        let style = Style(foreground: .yellow)
        Paragraph("漢字漢", style: style).render(in: Rect(x: 0, y: 0, width: 3, height: 3), into: &buffer)
        #expect(buffer.lines() == ["漢 x", "字 x", "漢 x"])
        #expect(buffer[2, 0].style == style)
        #expect(buffer[3, 0].style == .plain)
    }

    @Test func areaOutsideTheBufferIsClipped() {
        var buffer = Buffer(width: 6, height: 2)
        Paragraph("un deux trois").render(in: Rect(x: 2, y: 1, width: 20, height: 5), into: &buffer)
        #expect(buffer.lines() == ["      ", "  un  "])
        #expect(Paragraph("un deux trois").height(width: 5) == 3)
    }
}
