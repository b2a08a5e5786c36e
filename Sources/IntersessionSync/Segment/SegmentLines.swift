import Foundation
import IntersessionCore

/// A segment split into its header line, change lines and a checked trailer. In version 2 the
/// change lines are the inflated gzip member between the header and the trailer.
struct SegmentLines {
    let header: ArraySlice<UInt8>
    let headerFields: SegmentHeader
    let body: [ArraySlice<UInt8>]

    init(_ bytes: [UInt8]) throws(SegmentError) {
        let frame = try SegmentFrame(bytes)
        header = frame.header
        headerFields = frame.headerFields
        let lines = headerFields.version >= 2
            ? try Self.inflatedLines(Array(bytes[frame.block]))
            : Self.lines(of: bytes, from: frame.block.lowerBound, before: frame.block.upperBound)
        guard lines.count == frame.count, frame.count > 0 else {
            throw .badHeader("the trailer counts \(frame.count) changes, the file holds \(lines.count)")
        }
        body = lines
    }

    /// The change lines of a version 2 block: one gzip member, each line ended by a line feed.
    private static func inflatedLines(_ block: [UInt8]) throws(SegmentError) -> [ArraySlice<UInt8>] {
        let text: [UInt8]
        do {
            text = try Gzip.decompress(block, limit: SegmentFormat.maximumFileBytes)
        } catch .tooLarge {
            throw .tooLarge(SegmentFormat.maximumFileBytes + 1)
        } catch {
            throw .badHeader("the compressed change lines do not inflate")
        }
        guard text.last == 0x0A else { throw .badHeader("the compressed change lines do not end a line") }
        return lines(of: text, from: 0, before: text.count - 1)
    }

    /// The lines of `bytes[from..<end]`, split at each line feed (an empty line kept), found
    /// with `memchr`: a segment of 64 MiB is split on every import.
    static func lines(of bytes: [UInt8], from first: Int, before end: Int) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = first
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

/// A segment's framing, checked: the trailer and its checksum, and the header line. The change
/// lines between them are not read yet.
struct SegmentFrame {
    let header: ArraySlice<UInt8>
    let headerFields: SegmentHeader
    /// How many change lines the trailer counts.
    let count: Int
    /// Where the change lines are stored: the gzip member (version 2) or the lines themselves.
    let block: Range<Int>

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

        guard let headerEnd = bytes[..<trailerStart].firstIndex(of: 0x0A), headerEnd < trailerStart - 1 else {
            throw .badHeader("holds no changes")
        }
        header = bytes[..<headerEnd]
        headerFields = try SegmentHeader(header)
        self.count = count
        block = (headerEnd + 1)..<(trailerStart - 1)
    }
}

/// `INTERSESSION-SEGMENT <version> <group> <feed> <first> <last>`
struct SegmentHeader {
    let version: Int
    let group: GroupID
    let feed: FeedID
    let first: Int64
    let last: Int64

    init(_ line: ArraySlice<UInt8>) throws(SegmentError) {
        guard line.count < 256 else { throw .badHeader("too long") }
        let fields = String(decoding: line, as: UTF8.self).split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == SegmentFormat.magic else { throw .badHeader("not a segment") }
        guard let version = Int(fields[1]), (1...SegmentFormat.version).contains(version) else {
            throw .badHeader("format version \(String(fields[1].prefix(8)).terminalSafe) is not supported")
        }
        self.version = version
        guard let group = GroupID(hex: String(fields[2])), let feed = FeedID(hex: String(fields[3])),
            let first = Int64(fields[4]), let last = Int64(fields[5]), first >= 1, last >= first
        else { throw .badHeader("malformed") }
        self.group = group
        self.feed = feed
        self.first = first
        self.last = last
    }
}
