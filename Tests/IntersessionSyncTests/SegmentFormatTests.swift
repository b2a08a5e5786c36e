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

    @Test func roundTripsAndKeepsTheSignedBytes() throws {
        let changes = chain(3)
        let bytes = SegmentFormat.encode(changes, group: group)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("INTERSESSION-SEGMENT 1 \(group.hex) \(key.feed.hex) 1 3\n"))
        #expect(text.split(separator: "\n").count == 5)
        #expect(try decode(bytes) == changes)
        let later = chain(2, from: 7)
        #expect(try decode(SegmentFormat.encode(later, group: group), first: 7, last: 8) == later)
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

    /// Rewrites a segment's lines and recomputes its trailer, as a forger would.
    func reseal(_ bytes: [UInt8], _ edit: (inout [String]) -> Void) -> [UInt8] {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        lines.removeLast()
        edit(&lines)
        var body = Array((lines.joined(separator: "\n") + "\n").utf8)
        var hasher = ContentHasher()
        hasher.update(body)
        body += Array("END \(lines.count - 1) \(hasher.finalizeHex())\n".utf8)
        return body
    }

    @Test func aForgedSignatureIsRefused() {
        let other = DeviceKey()
        let forged = SignedChange(signing: ChangeBody(group: group, author: other.feed, seq: 3, prev: nil, hlc: .zero, ops: chain(1)[0].body.ops), with: other)
        let bytes = reseal(SegmentFormat.encode(chain(3), group: group)) { lines in
            let tab = lines[3].firstIndex(of: "\t")!
            lines[3] = Data(forged.signature).base64EncodedString() + lines[3][tab...]
        }
        #expect(throws: SegmentError.chain(.badSignature(seq: 3))) { try decode(bytes) }
    }

    @Test func aBrokenChainIsRefused() {
        let changes = chain(3)
        let bytes = reseal(SegmentFormat.encode(changes, group: group)) { lines in lines.swapAt(2, 3) }
        #expect(throws: SegmentError.self) { try decode(bytes) }
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

    @Test func oversizedFilesAndLinesAreRefused() {
        let big = [UInt8](repeating: 0x41, count: SegmentFormat.maximumFileBytes + 1)
        #expect(throws: SegmentError.tooLarge(big.count)) { try decode(big) }
        let bytes = reseal(SegmentFormat.encode(chain(3), group: group)) { lines in
            lines[2] = String(lines[2].prefix(100)) + String(repeating: "x", count: SegmentFormat.maximumLineBytes)
        }
        #expect(throws: SegmentError.badLine(3, "longer than \(SegmentFormat.maximumLineBytes) bytes")) { try decode(bytes) }
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
