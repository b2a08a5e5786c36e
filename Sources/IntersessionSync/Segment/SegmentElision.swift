import IntersessionCore

/// What a version 2 segment line leaves out of the body it stores: the group id and the feed id,
/// which the header names, and the hash of the line before, which its reader has just computed.
/// Each quoted occurrence of one of them is stored as one token byte (0x01 group, 0x02 feed,
/// 0x03 previous hash) and put back before the body is hashed, so the signature is still over
/// the exact bytes the author signed. A JSON body never holds a raw control byte, so a token
/// cannot be confused with the text; a body that holds one anyway is stored verbatim.
struct SegmentElision {
    static let groupToken: UInt8 = 0x01
    static let feedToken: UInt8 = 0x02
    static let prevToken: UInt8 = 0x03
    private static let hexLength = 64
    private static let quote: UInt8 = 0x22

    /// The hex of each id, as bytes, indexed by token (index 0 unused).
    private var values: [[UInt8]?]

    /// The ids of a file's first line, which has no previous hash to leave out.
    init(group: GroupID, feed: FeedID) {
        values = [nil, Array(group.hex.utf8), Array(feed.hex.utf8), nil]
    }

    /// The same ids for the next line: only the previous hash changes, so a file's group and
    /// feed are encoded once, not once a line.
    func following(_ prev: ChangeHash) -> SegmentElision {
        var next = self
        next.values[Int(Self.prevToken)] = Array(prev.hex.utf8)
        return next
    }

    /// `body` with its ids left out, or nil when it already holds a token byte.
    func elide(_ body: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var index = 0
        while index < body.count {
            let byte = body[index]
            if byte <= Self.prevToken && byte >= Self.groupToken { return nil }
            out.append(byte)
            index += 1
            if byte == Self.quote, let token = token(at: index, in: body) {
                out.append(token)
                index += Self.hexLength
            }
        }
        return out
    }

    /// The token for a quoted id starting at `start`, if the 64 bytes there are one of ours.
    private func token(at start: Int, in body: [UInt8]) -> UInt8? {
        let end = start + Self.hexLength
        guard end < body.count, body[end] == Self.quote else { return nil }
        for token in Self.groupToken...Self.prevToken {
            guard let value = values[Int(token)] else { continue }
            if body[start] == value[0], body[start..<end].elementsEqual(value) { return token }
        }
        return nil
    }

    /// The signed bytes of a stored body: each token put back. Nil when a token has no value
    /// (the previous hash on a segment's first line).
    func expand(_ stored: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(stored.count + 3 * Self.hexLength)
        // The text between tokens is copied a run at a time: a fresh peer expands every line
        // of the folder, and a byte-by-byte append was 4 % of its instructions (issue 14).
        let complete = stored.withUnsafeBufferPointer { bytes -> Bool in
            var run = 0
            for index in bytes.indices where bytes[index] &- Self.groupToken <= Self.prevToken - Self.groupToken {
                guard let value = values[Int(bytes[index])] else { return false }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                out.append(contentsOf: value)
                run = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            return true
        }
        return complete ? out : nil
    }
}
