import Testing
@testable import IntersessionTUI

@Suite struct WidgetTests {
    @Test func layoutSplitsFixedThenFill() {
        let parts = Layout(.vertical, [.length(3), .fill(minimum: 1), .length(2)]).split(Rect(x: 0, y: 1, width: 10, height: 20))
        #expect(parts.map(\.height) == [3, 15, 2])
        #expect(parts.map(\.y) == [1, 4, 19])
        let tight = Layout(.horizontal, [.length(30), .length(1), .fill(minimum: 0)]).split(Rect(x: 0, y: 0, width: 20, height: 1))
        #expect(tight.map(\.width) == [20, 0, 0])
        let spaced = Layout(.horizontal, [.percentage(50), .fill(minimum: 0)], spacing: 1).split(Rect(x: 0, y: 0, width: 21, height: 1))
        #expect(spaced.map(\.width) == [10, 10] && spaced[1].x == 11)
    }

    @Test func blockDrawsItsBorderAndTitleAndClips() {
        var buffer = Buffer(width: 12, height: 4)
        let block = Block(title: "A long title")
        buffer.render(block, in: Rect(x: 0, y: 0, width: 12, height: 4))
        #expect(buffer.lines() == ["┌ A long … ┐", "│          │", "│          │", "└──────────┘"])
        #expect(block.inner(Rect(x: 0, y: 0, width: 12, height: 4)) == Rect(x: 1, y: 1, width: 10, height: 2))
    }

    @Test func listScrollsShowsTheSelectionAndItsPosition() {
        var buffer = Buffer(width: 30, height: 3)
        let rows = (5..<8).map { List.Row("item \($0)", trailing: "#\($0)") }
        let list = List(rows: rows, total: 40, selected: 6, offset: 5, selectedStyle: Style(attributes: [.reverse]), indicatorStyle: .plain,
                        plain: true)
        buffer.render(list, in: buffer.area)
        #expect(buffer.lines(trimmingTrailingSpaces: true) == ["  item 5                   #5", "> item 6                   #6", "  item 7                 7/40"])
        #expect(list.cursor(in: buffer.area)! == (0, 1))
        #expect(buffer[0, 1].style.attributes.contains(.reverse))
    }

    @Test func tableAlignsColumnsAndCutsWithinThem() {
        var buffer = Buffer(width: 30, height: 2)
        let table = Table(columns: [.init(maximum: 6), .init(maximum: 10), .init(maximum: .max)],
                          cells: [["a", "bb", "last"], ["a very long cell", "b", "end"]], styles: [.plain, .plain], total: 2,
                          selected: nil, offset: 0, selectedStyle: .plain, indicatorStyle: .plain, plain: false)
        buffer.render(table, in: buffer.area)
        #expect(buffer.lines(trimmingTrailingSpaces: true) == ["a       bb  last", "a ver…  b   end"])
    }

    @Test func scrollViewShowsWhereItIs() {
        var buffer = Buffer(width: 20, height: 4)
        let lines = (1...10).map { ("line \($0)", Style.plain) }
        buffer.render(ScrollView(lines: lines, scroll: 100, indicatorStyle: .plain), in: buffer.area)
        #expect(buffer.lines(trimmingTrailingSpaces: true) == ["line 8", "line 9", "line 10", "            8–10/10"])
        #expect(ScrollView.maximumScroll(lines: 10, height: 4) == 7)
        var fits = Buffer(width: 20, height: 4)
        fits.render(ScrollView(lines: Array(lines.prefix(4)), scroll: 3, indicatorStyle: .plain), in: fits.area)
        #expect(fits.lines(trimmingTrailingSpaces: true) == ["line 1", "line 2", "line 3", "line 4"])
    }
}
