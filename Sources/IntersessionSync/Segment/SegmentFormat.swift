import Foundation
import IntersessionCore

/// The segment file (DESIGN §5; version 2 from issue 14): a header line, the change lines
/// compressed as one gzip member, and a trailer line.
///
/// ```
/// INTERSESSION-SEGMENT 2 <group hex> <feed hex> <first seq> <last seq>
/// <gzip member of the change lines, one per change:>
///     <signature base64>\t<body, its ids left out (SegmentElision)>\n
///     <signature base64> <body as signed>\n      (a body that cannot be elided)
/// END <count> <SHA-256 hex of every byte before this line>
/// ```
///
/// A body never holds a raw line feed (canonical JSON escapes it). A file without a valid
/// trailer is incomplete: it is skipped and read again later. Version 1 (the change lines
/// uncompressed, each `<signature>\t<body as signed>`) is still read.
public enum SegmentFormat {
    public static let magic = "INTERSESSION-SEGMENT"
    public static let version = 2
    public static let maximumFileBytes = 64 * 1024 * 1024
    public static let maximumLineBytes = Limits.changeBodyBytes + 128
    /// Export starts a new file past either of these.
    public static let changesPerFile = 10_000
    public static let bytesPerFile = 16 * 1024 * 1024

    public static func encode(_ changes: [SignedChange], group: GroupID) -> [UInt8] {
        precondition(!changes.isEmpty)
        let feed = changes[0].author
        let header = "\(magic) \(version) \(group.hex) \(feed.hex) \(changes[0].seq) \(changes.last!.seq)"
        return assemble(header: header, lines: changeLines(changes, group: group), count: changes.count)
    }

    /// A version 2 file from its header and its change lines (each ended by a line feed).
    static func assemble(header: String, lines: [UInt8], count: Int) -> [UInt8] {
        var out = Array((header + "\n").utf8)
        out += Gzip.compress(lines)
        out.append(0x0A)
        var hasher = ContentHasher()
        hasher.update(out)
        out += Array("END \(count) \(hasher.finalizeHex())\n".utf8)
        return out
    }

    private static func changeLines(_ changes: [SignedChange], group: GroupID) -> [UInt8] {
        var lines: [UInt8] = []
        lines.reserveCapacity(changes.reduce(0) { $0 + $1.bytes.count + 90 })
        var elision = SegmentElision(group: group, feed: changes[0].author)
        for change in changes {
            lines += Array(Data(change.signature).base64EncodedString().utf8)
            if let elided = elision.elide(change.bytes) {
                lines.append(0x09)
                lines += elided
            } else {
                lines.append(0x20)
                lines += change.bytes
            }
            lines.append(0x0A)
            elision = elision.following(change.hash)
        }
        return lines
    }

    /// Whether two segment files hold the same header and change lines, whatever compressed them.
    public static func sameLines(_ one: [UInt8], _ other: [UInt8]) -> Bool {
        if one == other { return true }
        guard let first = try? SegmentLines(one), let second = try? SegmentLines(other) else { return false }
        return first.header.elementsEqual(second.header) && first.body.elementsEqual(second.body) { $0.elementsEqual($1) }
    }

    /// The changes of a segment, checked: trailer, header, each line, and the chain inside the
    /// file with one signature for the run (the link to the change before the file is the
    /// store's to check). `group` nil accepts any group (reading a GROUP file to learn it).
    public static func decode(
        _ bytes: [UInt8], group: GroupID?, feed: FeedID?, name: SegmentName?
    ) throws(SegmentError) -> (group: GroupID, changes: [SignedChange]) {
        let lines = try framed(bytes, group: group, feed: feed, name: name)
        let header = lines.headerFields
        var changes: [SignedChange] = []
        changes.reserveCapacity(lines.body.count)
        var elision = header.version >= 2 ? SegmentElision(group: header.group, feed: header.feed) : nil
        for (index, line) in lines.body.enumerated() {
            let change = try change(from: line, number: index + 2, elision: elision)
            changes.append(change)
            elision = elision?.following(change.hash)
        }
        let after = changes[0].body.prev.map { (seq: header.first - 1, hash: $0) }
        do {
            try FeedChain.validate(changes, feed: header.feed, group: header.group, after: after)
        } catch {
            throw .chain(error)
        }
        return (header.group, changes)
    }

    /// A segment's lines once its trailer, header and count are checked, none decoded yet.
    static func framed(_ bytes: [UInt8], group: GroupID?, feed: FeedID?, name: SegmentName?) throws(SegmentError) -> SegmentLines {
        guard bytes.count <= maximumFileBytes else { throw .tooLarge(bytes.count) }
        let lines = try SegmentLines(bytes)
        let header = lines.headerFields
        try checkHeader(header, group: group, feed: feed, name: name)
        guard lines.body.count == header.last - header.first + 1 else {
            throw .badHeader("holds \(lines.body.count) changes for seqs \(header.first)-\(header.last)")
        }
        return lines
    }

    /// A header names the group and feed of the folder it is in, and the seqs of its name.
    static func checkHeader(_ header: SegmentHeader, group: GroupID?, feed: FeedID?, name: SegmentName?) throws(SegmentError) {
        if let group, header.group != group { throw .otherGroup }
        if let feed, header.feed != feed { throw .badHeader("names feed \(header.feed.short), but is in the folder of \(feed.short)") }
        if let name, name.firstSeq != header.first || name.lastSeq != header.last {
            throw .badHeader("seqs \(header.first)-\(header.last) do not match the file name")
        }
    }

    static func change(from line: ArraySlice<UInt8>, number: Int, elision: SegmentElision?) throws(SegmentError) -> SignedChange {
        let (signature, bytes) = try signedLine(line, number: number, elision: elision)
        do {
            return try SignedChange(bytes: bytes, signature: signature)
        } catch {
            throw .badLine(number, "\(error)")
        }
    }

    /// A change line's signature and the body its author signed (ids put back), not yet decoded.
    static func signedLine(_ line: ArraySlice<UInt8>, number: Int, elision: SegmentElision?) throws(SegmentError) -> (signature: [UInt8], body: [UInt8]) {
        guard line.count <= maximumLineBytes else { throw .badLine(number, "longer than \(maximumLineBytes) bytes") }
        // Version 1 separates with a tab, its body as signed; version 2 with a tab for an
        // elided body and a space for one stored as signed.
        guard let separator = line.firstIndex(where: { $0 == 0x09 || $0 == 0x20 }),
            elision != nil || line[separator] == 0x09,
            let signature = Data(base64Encoded: Data(line[line.startIndex..<separator])), signature.count == 64
        else { throw .badLine(number, "no signature") }
        let stored = line[(separator + 1)...]
        guard let elision, line[separator] == 0x09 else { return (Array(signature), Array(stored)) }
        guard let expanded = elision.expand(stored) else { throw .badLine(number, "refers to the change before the file") }
        return (Array(signature), expanded)
    }

    /// Each line's signature, signed body and its hash, with no JSON decoded and nothing checked
    /// beyond the file's framing: the least an importer must do to a file (the benchmarks' floor).
    public static func signedBodies(_ bytes: [UInt8]) throws(SegmentError) -> [(signature: [UInt8], body: [UInt8], hash: ChangeHash)] {
        let lines = try SegmentLines(bytes)
        var out: [(signature: [UInt8], body: [UInt8], hash: ChangeHash)] = []
        out.reserveCapacity(lines.body.count)
        let fields = lines.headerFields
        var elision = fields.version >= 2 ? SegmentElision(group: fields.group, feed: fields.feed) : nil
        for (index, line) in lines.body.enumerated() {
            let (signature, body) = try signedLine(line, number: index + 2, elision: elision)
            let hash = ChangeHash.of(body)
            out.append((signature, body, hash))
            elision = elision?.following(hash)
        }
        return out
    }
}
