import Foundation
import IntersessionCore

/// A segment split into its header line, change lines and a checked trailer.
struct SegmentLines {
    let header: ArraySlice<UInt8>
    let body: [ArraySlice<UInt8>]

    init(_ bytes: [UInt8]) throws(SegmentError) {
        guard bytes.last == 0x0A else { throw .incomplete }
        // The trailer is the last line; the checksum covers everything before it.
        let withoutFinalNewline = bytes[..<(bytes.count - 1)]
        let trailerStart = (withoutFinalNewline.lastIndex(of: 0x0A) ?? -1) + 1
        guard trailerStart > 0 else { throw .incomplete }
        let trailer = String(decoding: withoutFinalNewline[trailerStart...], as: UTF8.self).split(separator: " ")
        guard trailer.count == 3, trailer[0] == "END", let count = Int(trailer[1]), trailer[2].utf8.count == 64 else {
            throw .incomplete
        }
        var hasher = ContentHasher()
        hasher.update(bytes[..<trailerStart])
        guard hasher.finalizeHex() == trailer[2] else { throw .checksumMismatch }

        var lines = Self.lines(of: bytes, before: trailerStart - 1)
        header = lines.removeFirst()
        guard lines.count == count, count > 0 else { throw .badHeader("the trailer counts \(count) changes, the file holds \(lines.count)") }
        body = lines
    }

    /// The lines of `bytes[..<end]`, split at each line feed (an empty line kept), found with
    /// `memchr`: a segment of 64 MiB is split on every import.
    static func lines(of bytes: [UInt8], before end: Int) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while let found = memchr(base + start, 0x0A, end - start) {
                let index = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                lines.append(bytes[start..<index])
                start = index + 1
            }
        }
        lines.append(bytes[start..<end])
        return lines
    }
}

/// `INTERSESSION-SEGMENT 1 <group> <feed> <first> <last>`
struct SegmentHeader {
    let group: GroupID
    let feed: FeedID
    let first: Int64
    let last: Int64

    init(_ line: ArraySlice<UInt8>) throws(SegmentError) {
        guard line.count < 256 else { throw .badHeader("too long") }
        let fields = String(decoding: line, as: UTF8.self).split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == SegmentFormat.magic else { throw .badHeader("not a segment") }
        guard fields[1] == "\(SegmentFormat.version)" else { throw .badHeader("format version \(fields[1]) is not supported") }
        guard let group = GroupID(hex: String(fields[2])), let feed = FeedID(hex: String(fields[3])),
            let first = Int64(fields[4]), let last = Int64(fields[5]), first >= 1, last >= first
        else { throw .badHeader("malformed") }
        self.group = group
        self.feed = feed
        self.first = first
        self.last = last
    }
}
