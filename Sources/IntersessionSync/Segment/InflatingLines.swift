import CZlib

/// The change lines of a version 2 segment inflated a little at a time, as they are read: an
/// import that has begun every feed's file at once holds their compressed bytes, not their
/// text. Refuses what `SegmentLines` refuses, by the same limits, only later: a member that
/// does not inflate, runs past the file's limit, has bytes after it or does not end a line.
final class InflatingLines {
    private let input: [UInt8]
    private let block: Range<Int>
    private var stream = z_stream()
    private var text: [UInt8] = []
    private var start = 0
    private var consumed = 0
    private var produced = 0
    private var ended = false
    private static let step = 64 * 1024

    init(_ bytes: [UInt8], block: Range<Int>) {
        input = bytes
        self.block = block
        guard czlib_inflate_init_gzip(&stream) == Z_OK else { fatalError("zlib: inflateInit2 failed") }
    }

    deinit { inflateEnd(&stream) }

    /// The next line without its line feed, or nil after the last.
    func next() throws(SegmentError) -> ArraySlice<UInt8>? {
        while true {
            if let end = text[start...].firstIndex(of: 0x0A) {
                defer { start = end + 1 }
                return text[start..<end]
            }
            if ended {
                guard start == text.count else { throw .badHeader("the compressed change lines do not end a line") }
                return nil
            }
            if start > 0 {
                text.removeSubrange(0..<start)
                start = 0
            }
            try inflateMore()
        }
    }

    private func inflateMore() throws(SegmentError) {
        let before = text.count
        text += repeatElement(0, count: Self.step)
        let status = input.withUnsafeBufferPointer { source in
            text.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress! + block.lowerBound + consumed)
                stream.avail_in = uInt(block.count - consumed)
                stream.next_out = target.baseAddress! + before
                stream.avail_out = uInt(Self.step)
                return inflate(&stream, Z_NO_FLUSH)
            }
        }
        let made = Self.step - Int(stream.avail_out)
        text.removeLast(Self.step - made)
        let progressed = made > 0 || Int(stream.total_in) != consumed
        consumed = Int(stream.total_in)
        produced += made
        guard produced <= SegmentFormat.maximumFileBytes else { throw .tooLarge(SegmentFormat.maximumFileBytes + 1) }
        switch status {
        case Z_STREAM_END where consumed == block.count: ended = true
        case Z_OK where progressed, Z_BUF_ERROR where progressed && consumed < block.count: return
        default: throw .badHeader("the compressed change lines do not inflate")
        }
    }
}
