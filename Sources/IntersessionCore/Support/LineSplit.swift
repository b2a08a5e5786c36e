extension String {
    /// The lines of the text, as `split(separator: "\n", omittingEmptySubsequences: false)`
    /// gives them, found in its bytes instead of its grapheme clusters (most of `show`'s time
    /// went to them, issue 14): a line feed is a cluster of its own, except after a carriage
    /// return, with which it makes one.
    public var linesAsSplit: [Substring] {
        var lines: [Substring] = []
        let bytes = utf8
        var start = bytes.startIndex, index = start
        var previous: UInt8 = 0
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A, previous != 0x0D {
                lines.append(self[start..<index])
                start = bytes.index(after: index)
            }
            previous = byte
            index = bytes.index(after: index)
        }
        lines.append(self[start..<bytes.endIndex])
        return lines
    }
}
