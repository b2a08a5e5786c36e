import Foundation
@testable import IntersessionCore
@testable import IntersessionSync

/// The real files the seed step gathered from a workspace made with the real binary
/// (Scripts/fuzz.sh): a folder per kind, each file as it was written.
public struct RealFiles {
    /// Plain segments (and GROUP files) of an open group's shared folder.
    public let segments: [[UInt8]]
    /// Sealed segments and GROUP files of a sealed group's shared folder (keys unknown here).
    public let sealed: [[UInt8]]
    public let keys: [[UInt8]]
    public let invites: [[UInt8]]
    public let configs: [[UInt8]]

    init(root: URL) {
        func files(_ kind: String) -> [[UInt8]] {
            let folder = root.appendingPathComponent(kind)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().compactMap { try? Array(Data(contentsOf: folder.appendingPathComponent($0))) }
        }
        segments = files("segments")
        sealed = files("sealed")
        keys = files("keys")
        invites = files("invites")
        configs = files("configs")
    }

    /// Every change of the plain segments, decoded by the real decoder.
    public var changes: [SignedChange] {
        segments.flatMap { (try? SegmentFormat.decode($0, group: nil, feed: nil, name: nil).changes) ?? [] }
    }

    /// The plain segments rewritten in format version 1 (change lines stored, not compressed):
    /// mutations of those reach the change lines, which a gzip member's checks keep out.
    public var firstVersionSegments: [[UInt8]] {
        segments.compactMap { bytes in
            guard let (group, changes) = try? SegmentFormat.decode(bytes, group: nil, feed: nil, name: nil),
                let first = changes.first, let last = changes.last else { return nil }
            var lines = "\(SegmentFormat.magic) 1 \(group.hex) \(first.author.hex) \(first.seq) \(last.seq)\n"
            for change in changes {
                lines += Data(change.signature).base64EncodedString() + "\t" + String(decoding: change.bytes, as: UTF8.self) + "\n"
            }
            return SegmentTrailer.appended(to: Array(lines.utf8))
        }
    }
}

/// A segment's trailer, computed: the fuzz targets put it back on mutated contents so that
/// the checksum does not stop every mutation at the first check.
public enum SegmentTrailer {
    /// `contents` (ended by a line feed) and a trailer counting the changes its header names.
    public static func appended(to contents: [UInt8]) -> [UInt8] {
        var out = contents
        if out.last != 0x0A { out.append(0x0A) }
        var hasher = ContentHasher()
        hasher.update(out)
        return out + Array("END \(declaredCount(out)) \(hasher.finalizeHex())\n".utf8)
    }

    /// The contents of a segment without its trailer line.
    public static func removed(from bytes: [UInt8]) -> [UInt8] {
        let body = bytes.dropLast()
        guard let end = body.lastIndex(of: 0x0A) else { return bytes }
        return Array(bytes[...end])
    }

    private static func declaredCount(_ bytes: [UInt8]) -> Int64 {
        let header = bytes.prefix { $0 != 0x0A }.prefix(256)
        let fields = String(decoding: header, as: UTF8.self).split(separator: " ")
        guard fields.count == 6, let first = Int64(fields[4]), let last = Int64(fields[5]),
            last >= first, last - first < 1_000_000 else { return 1 }
        return last - first + 1
    }
}
