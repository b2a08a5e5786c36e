import Foundation
import Testing
import IntersessionCore
@testable import IntersessionSync

@Suite struct SegmentFormatTests {
    let key = DeviceKey()
    let group = ChangeHash.of(Array("group".utf8))

    func chain(_ count: Int, from first: Int64 = 1, group: GroupID? = nil) -> [SignedChange] {
        var changes: [SignedChange] = []
        var prev: ChangeHash? = first == 1 ? nil : ChangeHash.of(Array("before".utf8))
        for seq in first..<(first + Int64(count)) {
            let body = ChangeBody(group: group ?? self.group, author: key.feed, seq: seq, prev: prev, hlc: HLC(millis: seq, counter: 0),
                                  ops: [.memberProfile(MemberProfile(name: "Name \(seq)\nline", organisation: "Org", language: .fr))])
            let change = SignedChange(signing: body, with: key)
            changes.append(change)
            prev = change.hash
        }
        return changes
    }

    func decode(_ bytes: [UInt8], first: Int64 = 1, last: Int64 = 3) throws(SegmentError) -> [SignedChange] {
        try SegmentFormat.decode(bytes, group: group, feed: key.feed, name: SegmentName(firstSeq: first, lastSeq: last)).changes
    }

    /// The header and the (inflated) change lines of a segment, as text.
    func lines(of bytes: [UInt8]) throws -> (header: String, lines: [String]) {
        let split = try SegmentLines(bytes)
        return (String(decoding: split.header, as: UTF8.self), split.body.map { String(decoding: $0, as: UTF8.self) })
    }

    @Test func roundTripsAndKeepsTheSignedBytes() throws {
        let changes = chain(3)
        let bytes = SegmentFormat.encode(changes, group: group)
        let (header, lines) = try lines(of: bytes)
        #expect(header == "INTERSESSION-SEGMENT 2 \(group.hex) \(key.feed.hex) 1 3")
        #expect(lines.count == 3)
        #expect(try decode(bytes) == changes)
        #expect(try decode(bytes).map(\.bytes) == changes.map(\.bytes))
        let later = chain(2, from: 7)
        #expect(try decode(SegmentFormat.encode(later, group: group), first: 7, last: 8) == later)
    }

    @Test func linesLeaveOutWhatTheHeaderAndTheLineBeforeSay() throws {
        let changes = chain(3)
        let (_, lines) = try lines(of: SegmentFormat.encode(changes, group: group))
        for line in lines {
            #expect(!line.contains(group.hex) && !line.contains(key.feed.hex))
        }
        #expect(lines[0].contains(changes[0].body.prev?.hex ?? "\"prev\":null"))
        #expect(!lines[1].contains(changes[0].hash.hex) && !lines[2].contains(changes[1].hash.hex))
        let plain = changes.reduce(0) { $0 + $1.bytes.count + 89 }
        #expect(SegmentFormat.encode(changes, group: group).count < plain)
    }

    @Test func aVersionOneFileIsStillRead() throws {
        let changes = chain(3)
        var text = Array("INTERSESSION-SEGMENT 1 \(group.hex) \(key.feed.hex) 1 3\n".utf8)
        for change in changes {
            text += Array((Data(change.signature).base64EncodedString() + "\t").utf8) + change.bytes + [0x0A]
        }
        var hasher = ContentHasher()
        hasher.update(text)
        text += Array("END 3 \(hasher.finalizeHex())\n".utf8)
        #expect(try decode(text) == changes)
    }

    @Test func aBodyHoldingATokenByteIsStoredAsSigned() throws {
        let elision = SegmentElision(group: group, feed: key.feed)
        #expect(elision.elide(Array("{\"a\":\"\u{01}\"}".utf8)) == nil)
        let change = chain(1)[0]
        let line = Data(change.signature).base64EncodedString() + " " + String(decoding: change.bytes, as: UTF8.self) + "\n"
        let bytes = SegmentFormat.assemble(header: "INTERSESSION-SEGMENT 2 \(group.hex) \(key.feed.hex) 1 1",
                                           lines: Array(line.utf8), count: 1)
        #expect(try decode(bytes, last: 1) == [change])
    }

    @Test func aFileWithoutItsTrailerIsIncomplete() {
        let bytes = SegmentFormat.encode(chain(3), group: group)
        for cut in [bytes.count - 1, bytes.count - 20, bytes.count / 2, 10, 0] {
            #expect(throws: SegmentError.incomplete) { try decode(Array(bytes.prefix(cut))) }
        }
    }

    @Test func aFlippedByteIsACorruptFile() {
        var bytes = SegmentFormat.encode(chain(3), group: group)
        bytes[bytes.count / 2] ^= 0x20
        #expect(throws: SegmentError.checksumMismatch) { try decode(bytes) }
    }

    /// Rewrites a segment's change lines and recompresses them under a fresh trailer, as a forger would.
    func reseal(_ bytes: [UInt8], _ edit: (inout [String]) -> Void) throws -> [UInt8] {
        var (header, lines) = try lines(of: bytes)
        edit(&lines)
        return SegmentFormat.assemble(header: header, lines: Array(lines.map { $0 + "\n" }.joined().utf8), count: lines.count)
    }

    @Test func aForgedSignatureIsRefused() throws {
        let other = DeviceKey()
        let forged = SignedChange(signing: ChangeBody(group: group, author: other.feed, seq: 3, prev: nil, hlc: .zero, ops: chain(1)[0].body.ops), with: other)
        let bytes = try reseal(SegmentFormat.encode(chain(3), group: group)) { lines in
            let tab = lines[2].firstIndex(of: "\t")!
            lines[2] = Data(forged.signature).base64EncodedString() + lines[2][tab...]
        }
        #expect(throws: SegmentError.chain(.badSignature(seq: 3))) { try decode(bytes) }
    }

    @Test func aBrokenChainIsRefused() throws {
        let changes = chain(3)
        let bytes = try reseal(SegmentFormat.encode(changes, group: group)) { lines in lines.swapAt(1, 2) }
        #expect(throws: SegmentError.self) { try decode(bytes) }
        let first = try reseal(SegmentFormat.encode(changes, group: group)) { lines in lines.swapAt(0, 1) }
        #expect(throws: SegmentError.badLine(2, "refers to the change before the file")) { try decode(first) }
        let gap = SegmentFormat.encode([changes[0], changes[2]], group: group)
        #expect(throws: SegmentError.self) { try decode(gap, last: 2) }
    }

    @Test func anotherGroupsSegmentIsRefused() {
        let other = ChangeHash.of(Array("other".utf8))
        let bytes = SegmentFormat.encode(chain(3, group: other), group: other)
        #expect(throws: SegmentError.otherGroup) { try decode(bytes) }
        // A header claiming our group over changes of another is caught by the chain check.
        let lying = SegmentFormat.encode(chain(3, group: other), group: group)
        #expect(throws: SegmentError.chain(.wrongGroup(seq: 1))) { try decode(lying) }
    }

    @Test func headerAndNameMustAgree() {
        let bytes = SegmentFormat.encode(chain(3), group: group)
        #expect(throws: SegmentError.self) { try decode(bytes, first: 1, last: 4) }
        #expect(throws: SegmentError.self) {
            try SegmentFormat.decode(bytes, group: group, feed: DeviceKey().feed, name: nil)
        }
    }

    @Test func oversizedFilesAndLinesAreRefused() throws {
        let big = [UInt8](repeating: 0x41, count: SegmentFormat.maximumFileBytes + 1)
        #expect(throws: SegmentError.tooLarge(big.count)) { try decode(big) }
        let bytes = try reseal(SegmentFormat.encode(chain(3), group: group)) { lines in
            lines[1] = String(lines[1].prefix(100)) + String(repeating: "x", count: SegmentFormat.maximumLineBytes)
        }
        #expect(throws: SegmentError.badLine(3, "longer than \(SegmentFormat.maximumLineBytes) bytes")) { try decode(bytes) }
    }

    /// A small file that would inflate past the limit is refused before it grows there.
    @Test func aDecompressionBombIsRefused() {
        let bomb = SegmentFormat.assemble(header: "INTERSESSION-SEGMENT 2 \(group.hex) \(key.feed.hex) 1 3",
                                          lines: [UInt8](repeating: 0x41, count: SegmentFormat.maximumFileBytes + 10), count: 3)
        #expect(bomb.count < 1_000_000)
        #expect(throws: SegmentError.tooLarge(SegmentFormat.maximumFileBytes + 1)) { try decode(bomb) }
    }

    @Test func changeLinesThatDoNotInflateAreRefused() throws {
        var bytes = SegmentFormat.encode(chain(3), group: group)
        let (header, _) = try lines(of: bytes)
        bytes[header.utf8.count + 12] ^= 0x55
        let text = String(decoding: bytes, as: UTF8.self)
        let body = Array(bytes[..<(bytes.count - text.split(separator: "\n").last!.utf8.count - 1)])
        var hasher = ContentHasher()
        hasher.update(body)
        let forged = body + Array("END 3 \(hasher.finalizeHex())\n".utf8)
        #expect(throws: SegmentError.badHeader("the compressed change lines do not inflate")) { try decode(forged) }
    }

    @Test func garbageIsRefused() {
        var rng = SplitMix64(seed: 5)
        for length in [1, 50, 5000] {
            let junk = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(throws: SegmentError.self) { try decode(junk) }
            #expect(throws: SegmentError.self) { try decode(junk + [0x0A]) }
        }
    }
}
