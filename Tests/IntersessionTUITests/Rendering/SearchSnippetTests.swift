import Testing
import IntersessionStore
@testable import IntersessionTUI

@Suite("Search snippets show the match")
struct SearchSnippetTests {
    /// The highlighted text of a snippet, for readable expectations.
    func marked(_ snippet: SearchSnippet) -> String {
        let characters = Array(snippet.text)
        var out = ""
        for (index, character) in characters.enumerated() {
            if snippet.highlights.contains(where: { $0.lowerBound == index }) { out += "[" }
            out.append(character)
            if snippet.highlights.contains(where: { $0.upperBound == index + 1 }) { out += "]" }
        }
        return out
    }

    @Test func aShortTextIsWhole() {
        let snippet = SearchSnippet(text: "Check the figures", matches: [10..<17], width: 40)
        #expect(marked(snippet) == "Check the [figures]")
    }

    @Test func aMatchFarInIsCentredWithEllipses() {
        let text = String(repeating: "word ", count: 20) + "quetzal" + String(repeating: " more", count: 20)
        let snippet = SearchSnippet(text: text, matches: [100..<107], width: 30)
        #expect(snippet.text.cellWidth <= 30)
        #expect(snippet.text.hasPrefix("…") && snippet.text.hasSuffix("…"))
        #expect(marked(snippet).contains("[quetzal]"))
        let position = Array(snippet.text).firstIndex(of: "q")!
        #expect(abs(position - (30 - 7) / 2) <= 2, "the match sits in the middle: \(snippet.text)")
    }

    @Test func aMatchNearTheEndTakesContextFromTheLeft() {
        let text = String(repeating: "a", count: 50) + " end"
        let snippet = SearchSnippet(text: text, matches: [51..<54], width: 20)
        #expect(snippet.text == "…" + String(repeating: "a", count: 15) + " end")
        #expect(marked(snippet).hasSuffix("[end]"))
    }

    @Test func cutsByClusterAndKeepsTheMatchWide() {
        let text = "🇫🇷👩\u{200D}💻漢字 " + String(repeating: "x", count: 30) + " 漢字"
        let matches = [text.count - 2..<text.count]
        let snippet = SearchSnippet(text: text, matches: matches, width: 12)
        #expect(snippet.text.cellWidth <= 12)
        #expect(snippet.text.hasSuffix("漢字"))
        #expect(marked(snippet).hasSuffix("[漢字]"))
        #expect(!snippet.text.unicodeScalars.contains("\u{200D}") || snippet.text.contains("👩\u{200D}💻"))
    }

    @Test func lineEndsBecomeSpaces() {
        let snippet = SearchSnippet(text: "one\ntwo", matches: [4..<7], width: 20)
        #expect(marked(snippet) == "one [two]")
    }

    @Test func theSearchRowAt80ColumnsShowsTheMatch() {
        let text = "The secretariat will circulate the revised draft before the meeting, and delegations may "
            + "comment until the deadline on the consignment tracking annex."
        let start = text.distance(from: text.startIndex, to: text.range(of: "consignment")!.lowerBound)
        var hit = SearchHit(post: "p", thread: "t", threadTitle: "A rather long thread title about the revised annex",
                            author: "f", authorName: "Ana Ribeiro", snippet: "…")
        hit.text = text
        hit.matches = [start..<start + 11]
        var buffer = Buffer(width: 80, height: 1)
        let area = buffer.area
        let used = buffer.write(SearchHitLine.lead("  ", hit.threadTitle, "Ana Ribeiro", width: 80), x: 0, row: 0, in: area, style: .plain)
        let snippet = SearchHitLine.snippet(hit, width: 80 - used)
        buffer.write(snippet.text, x: used, row: 0, in: area, style: .plain)
        SearchHitLine.highlight(snippet, x: used, y: 0, right: 80, &buffer)
        let line = buffer.lines()[0]
        #expect(line.contains("consignment"), "\(line)")
        let x = line.distance(from: line.startIndex, to: line.range(of: "consignment")!.lowerBound)
        #expect((0..<11).allSatisfy { buffer[x + $0, 0].style.attributes.contains(.underline) })
    }

    @Test func theOpenedThreadHighlightsTheQueryWords() {
        var buffer = Buffer(lines: ["Les Délégations ont voté", "delegate and deleted"])
        SearchHighlight.restyleMatches(of: SearchHighlight.terms(of: "délég*"), in: buffer.area, &buffer)
        let underlined = (0..<buffer.width).filter { buffer[$0, 0].style.attributes.contains(.underline) }
        #expect(underlined == Array(4..<15))
        let second = (0..<buffer.width).filter { buffer[$0, 1].style.attributes.contains(.underline) }
        #expect(second == Array(0..<8))
    }
}
