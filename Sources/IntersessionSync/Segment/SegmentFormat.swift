import Foundation
import IntersessionCore

/// The segment file (DESIGN §5): a header line, one change per line, a trailer line.
///
/// ```
/// INTERSESSION-SEGMENT 1 <group hex> <feed hex> <first seq> <last seq>
/// <signature base64>\t<body bytes>
/// …
/// END <count> <SHA-256 hex of every byte before this line>
/// ```
///
/// A body never holds a raw line feed (canonical JSON escapes it). A file without a valid
/// trailer is incomplete: it is skipped and read again later.
public enum SegmentFormat {
    public static let magic = "INTERSESSION-SEGMENT"
    public static let version = 1
    public static let maximumFileBytes = 64 * 1024 * 1024
    public static let maximumLineBytes = Limits.changeBodyBytes + 128
    /// Export starts a new file past either of these.
    public static let changesPerFile = 10_000
    public static let bytesPerFile = 16 * 1024 * 1024

    public static func encode(_ changes: [SignedChange], group: GroupID) -> [UInt8] {
        precondition(!changes.isEmpty)
        let feed = changes[0].author
        var out = Array("\(magic) \(version) \(group.hex) \(feed.hex) \(changes[0].seq) \(changes.last!.seq)\n".utf8)
        for change in changes {
            out += Array(Data(change.signature).base64EncodedString().utf8)
            out.append(0x09)
            out += change.bytes
            out.append(0x0A)
        }
        var hasher = ContentHasher()
        hasher.update(out)
        out += Array("END \(changes.count) \(hasher.finalizeHex())\n".utf8)
        return out
    }

    /// The changes of a segment, checked: trailer, header, each line, and the chain inside the
    /// file with one signature for the run (the link to the change before the file is the
    /// store's to check). `group` nil accepts any group (reading a GROUP file to learn it).
    public static func decode(
        _ bytes: [UInt8], group: GroupID?, feed: FeedID?, name: SegmentName?
    ) throws(SegmentError) -> (group: GroupID, changes: [SignedChange]) {
        guard bytes.count <= maximumFileBytes else { throw .tooLarge(bytes.count) }
        let lines = try SegmentLines(bytes)
        let header = try SegmentHeader(lines.header)
        if let group, header.group != group { throw .otherGroup }
        if let feed, header.feed != feed { throw .badHeader("names feed \(header.feed.short), but is in the folder of \(feed.short)") }
        if let name, name.firstSeq != header.first || name.lastSeq != header.last {
            throw .badHeader("seqs \(header.first)-\(header.last) do not match the file name")
        }
        guard lines.body.count == header.last - header.first + 1 else {
            throw .badHeader("holds \(lines.body.count) changes for seqs \(header.first)-\(header.last)")
        }
        var changes: [SignedChange] = []
        changes.reserveCapacity(lines.body.count)
        for (index, line) in lines.body.enumerated() {
            changes.append(try change(from: line, number: index + 2))
        }
        let after = changes[0].body.prev.map { (seq: header.first - 1, hash: $0) }
        do {
            try FeedChain.validate(changes, feed: header.feed, group: header.group, after: after)
        } catch {
            throw .chain(error)
        }
        return (header.group, changes)
    }

    static func change(from line: ArraySlice<UInt8>, number: Int) throws(SegmentError) -> SignedChange {
        guard line.count <= maximumLineBytes else { throw .badLine(number, "longer than \(maximumLineBytes) bytes") }
        guard let tab = line.firstIndex(of: 0x09),
            let signature = Data(base64Encoded: Data(line[line.startIndex..<tab])), signature.count == 64
        else { throw .badLine(number, "no signature") }
        do {
            return try SignedChange(bytes: Array(line[(tab + 1)...]), signature: Array(signature))
        } catch {
            throw .badLine(number, "\(error)")
        }
    }
}
