/// A draft's paragraphs: blocks of text separated by blank lines. Headings (lines starting
/// with `#`) are blocks but take no number, as in the group's documents.
public struct Paragraph: Hashable, Sendable {
    /// Where the block lies in the text, in Unicode scalars.
    public var range: Range<Int>
    public var text: String
    /// 1, 2, 3… for numbered paragraphs; nil for a heading.
    public var number: Int?

    public init(range: Range<Int>, text: String, number: Int?) {
        self.range = range
        self.text = text
        self.number = number
    }
}

public enum Paragraphs {
    public static func split(_ text: String) -> [Paragraph] {
        let scalars = Array(text.unicodeScalars)
        var blocks: [Paragraph] = []
        var number = 0
        var index = 0
        while index < scalars.count {
            while index < scalars.count, scalars[index] == "\n" { index += 1 }
            guard index < scalars.count else { break }
            let start = index
            // A block ends at a blank line: a newline followed by (spaces and) another newline.
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

    /// The index of the block holding scalar `offset` (a blank line belongs to the block after it).
    public static func block(containing offset: Int, in blocks: [Paragraph]) -> Int? {
        guard !blocks.isEmpty else { return nil }
        var low = 0, high = blocks.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if blocks[mid].range.lowerBound <= offset { low = mid } else { high = mid - 1 }
        }
        if offset >= blocks[low].range.upperBound, low + 1 < blocks.count { return low + 1 }
        return low
    }
}
