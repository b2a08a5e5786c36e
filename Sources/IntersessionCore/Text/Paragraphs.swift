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
    /// Scans the text's UTF-8 (newlines, spaces and tabs are single bytes that no other
    /// scalar's bytes contain) and counts scalars by their first bytes.
    public static func split(_ text: String) -> [Paragraph] {
        var text = text
        return text.withUTF8 { bytes in
            var blocks: [Paragraph] = []
            var number = 0
            var index = 0, scalar = 0
            let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
            while index < bytes.count {
                while index < bytes.count, bytes[index] == newline {
                    index += 1
                    scalar += 1
                }
                guard index < bytes.count else { break }
                let start = index, startScalar = scalar
                // A block ends at a blank line: a newline followed by (spaces and) another newline.
                var end = index
                while end < bytes.count {
                    if bytes[end] == newline {
                        var look = end + 1
                        while look < bytes.count, bytes[look] == space || bytes[look] == tab { look += 1 }
                        if look >= bytes.count || bytes[look] == newline { break }
                    }
                    if bytes[end] & 0xC0 != 0x80 { scalar += 1 }
                    end += 1
                }
                let block = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                let heading = block.hasPrefix("#")
                if !heading { number += 1 }
                blocks.append(Paragraph(range: startScalar..<scalar, text: block, number: heading ? nil : number))
                index = end
            }
            return blocks
        }
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
