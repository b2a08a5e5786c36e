import Foundation
import Testing
import IntersessionCore
@testable import IntersessionSync

/// Inputs that once crashed a decoder, kept from the fuzz targets (Fuzz/, issue 19): each must
/// now be refused cleanly, by every reader of its kind.
@Suite struct FuzzRegressionTests {
    let key = DeviceKey()
    let group = ChangeHash.of(Array("group".utf8))

    /// A change at the largest Int64 seq, signed and linked to a change before it: the chain's
    /// walk computed the next seq and stopped the process (arithmetic overflow) before any
    /// signature was checked, so one such file in a shared folder stopped every reader.
    func lastSeqSegment(seq: Int64, version: Int) -> [UInt8] {
        let body = ChangeBody(group: group, author: key.feed, seq: seq, prev: ChangeHash.of(Array("before".utf8)),
                              hlc: HLC(millis: 1_000, counter: 0),
                              ops: [.memberProfile(MemberProfile(name: "Name", organisation: "Org", language: .fr))])
        let change = SignedChange(signing: body, with: key)
        guard version == 1 else { return SegmentFormat.encode([change], group: group) }
        var text = Array("INTERSESSION-SEGMENT 1 \(group.hex) \(key.feed.hex) \(seq) \(seq)\n".utf8)
        text += Array((Data(change.signature).base64EncodedString() + "\t").utf8) + change.bytes + [0x0A]
        var hasher = ContentHasher()
        hasher.update(text)
        return text + Array("END 1 \(hasher.finalizeHex())\n".utf8)
    }

    @Test(arguments: [1, 2]) func aChangeAtTheLargestSeqIsRefusedNotACrash(version: Int) throws {
        for seq in [Int64.max, Limits.largestSeq + 1] {
            let bytes = lastSeqSegment(seq: seq, version: version)
            #expect(throws: SegmentError.self) { try SegmentFormat.decode(bytes, group: nil, feed: nil, name: nil) }
            #expect(throws: SegmentError.self) {
                var run = try SegmentRun(bytes, group: group, feed: key.feed, name: nil)
                while try run.next() != nil {}
            }
        }
        let largest = lastSeqSegment(seq: Limits.largestSeq, version: version)
        let changes = try SegmentFormat.decode(largest, group: nil, feed: nil, name: nil).changes
        #expect(changes.map(\.seq) == [Limits.largestSeq])
    }
}
