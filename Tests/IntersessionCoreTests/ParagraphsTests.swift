import Testing
import IntersessionCore

/// Splitting a text into paragraphs scans its UTF-8: the same blocks as a scan of its scalars.
@Suite struct ParagraphsTests {
    /// The split as it was written first, scalar by scalar: the reference.
    static func reference(_ text: String) -> [Paragraph] {
        let scalars = Array(text.unicodeScalars)
        var blocks: [Paragraph] = []
        var number = 0, index = 0
        while index < scalars.count {
            while index < scalars.count, scalars[index] == "\n" { index += 1 }
            guard index < scalars.count else { break }
            let start = index
            var end = index
            while end < scalars.count {
                if scalars[end] == "\n" {
                    var look = end + 1
                    while look < scalars.count, scalars[look] == " " || scalars[look] == "\t" { look += 1 }
                    if look >= scalars.count || scalars[look] == "\n" { break }
                }
                end += 1
            }
            let block = String(String.UnicodeScalarView(scalars[start..<end]))
            let heading = block.hasPrefix("#")
            if !heading { number += 1 }
            blocks.append(Paragraph(range: start..<end, text: block, number: heading ? nil : number))
            index = end
        }
        return blocks
    }

    @Test(arguments: 0..<20)
    func theSplitIsTheScalarScan(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let pieces = ["\n", "\n\n", " ", "\t", "\n \t\n", "# ", "#\u{301}", "é", "日本", "👩‍👩‍👧", "word", "\r\n", "a.", "\n#"]
        for _ in 0..<50 {
            let text = (0..<Int.random(in: 0...30, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
            #expect(Paragraphs.split(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
