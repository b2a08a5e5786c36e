import CZlib

/// Gzip (RFC 1952) through the system's zlib: a segment is compressed before it is sealed, and an
/// open folder's segments stay readable with `zcat`. The same bytes and level give the same
/// output, so equal segments compress to equal files on every replica with the same zlib.
enum Gzip {
    enum Failure: Error, Equatable {
        /// The stream stops before its end: a file still being copied, or cut short.
        case incomplete
        /// Not gzip, or altered: zlib refuses it or its CRC does not match.
        case damaged
        /// It would inflate past the limit (a decompression bomb is refused before it grows).
        case tooLarge
    }

    static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard czlib_deflate_init_gzip(&stream, level) == Z_OK else { fatalError("zlib: deflateInit2 failed") }
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        var input = bytes
        let result = input.withUnsafeMutableBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        precondition(result == Z_STREAM_END, "zlib: deflate into deflateBound's room did not finish")
        out.removeSubrange(Int(stream.total_out)...)
        return out
    }

    /// The inflated bytes of one gzip member, refused past `limit` bytes or with anything after it.
    static func decompress(_ bytes: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        guard !bytes.isEmpty else { throw .incomplete }
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else { fatalError("zlib: inflateInit2 failed") }
        defer { inflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: min(limit, max(4096, bytes.count * 4)))
        var input = bytes
        var produced = 0
        while true {
            let consumedBefore = stream.total_in
            let status = inflateStep(&stream, input: &input, out: &out, produced: produced)
            let progressed = stream.total_in != consumedBefore || Int(stream.total_out) != produced
            produced = Int(stream.total_out)
            switch status {
            case Z_STREAM_END:
                guard Int(stream.total_in) == bytes.count else { throw .damaged }
                out.removeSubrange(produced...)
                return out
            case Z_OK, Z_BUF_ERROR:
                if stream.avail_out == 0 {
                    guard out.count < limit else { throw .tooLarge }
                    out += [UInt8](repeating: 0, count: min(limit, out.count * 2) - out.count)
                } else if stream.avail_in == 0 {
                    throw .incomplete
                } else if !progressed {
                    throw .damaged
                }
            default: throw .damaged
            }
        }
    }

    private static func inflateStep(_ stream: inout z_stream, input: inout [UInt8], out: inout [UInt8], produced: Int) -> Int32 {
        let consumed = Int(stream.total_in)
        return input.withUnsafeMutableBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress! + consumed
                stream.avail_in = uInt(source.count - consumed)
                stream.next_out = target.baseAddress! + produced
                stream.avail_out = uInt(target.count - produced)
                return inflate(&stream, Z_NO_FLUSH)
            }
        }
    }

    /// Whether `bytes` begin as a gzip member does (RFC 1952's ID1 ID2).
    static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }
}
