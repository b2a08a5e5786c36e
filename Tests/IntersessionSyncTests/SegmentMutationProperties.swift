import Foundation
import Testing
import IntersessionCore
@testable import IntersessionSync

/// Hostile segments of version 2: a forger alters the inflated change lines (a byte flipped,
/// a token byte put in or taken out, a line cut or doubled) and closes the file with a valid
/// trailer. Whatever the alteration, the reader either refuses the file or reads exactly the
/// changes that were signed: never another change, never a crash.
@Suite struct SegmentMutationProperties {
    let key = DeviceKey()
    let group = ChangeHash.of(Array("mutations".utf8))

    func chain(_ count: Int) -> [SignedChange] {
        var changes: [SignedChange] = []
        for seq in 1...Int64(count) {
            let body = ChangeBody(group: group, author: key.feed, seq: seq, prev: changes.last?.hash, hlc: HLC(millis: seq, counter: 0),
                                  ops: [.memberProfile(MemberProfile(name: "Name \(seq) \(group.hex)", organisation: "Org", language: .en))])
            changes.append(SignedChange(signing: body, with: key))
        }
        return changes
    }

    @Test(arguments: SyncPropertySeeds.all) func anAlteredSegmentIsRefusedOrReadAsSigned(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let changes = chain(4)
        let split = try SegmentLines(SegmentFormat.encode(changes, group: group))
        let header = String(decoding: split.header, as: UTF8.self)
        let original: [UInt8] = split.body.flatMap { line -> [UInt8] in Array(line) + [0x0A] }
        for _ in 0..<200 {
            let lines = mutate(original, using: &random)
            let bytes = SegmentFormat.assemble(header: header, lines: lines, count: 4)
            do {
                let read = try SegmentFormat.decode(bytes, group: group, feed: key.feed, name: SegmentName(firstSeq: 1, lastSeq: 4))
                #expect(read.changes.map(\.bytes) == changes.map(\.bytes))
            } catch {
                continue
            }
        }
    }

    /// The reader an import uses, one change at a time, refuses exactly the files the whole
    /// reading refuses and reads the same changes from the others.
    @Test(arguments: SyncPropertySeeds.all) func readingOneChangeAtATimeAgreesWithReadingWhole(seed: UInt64) throws {
        var random = SplitMix64(seed: seed &+ 17)
        let changes = chain(4)
        let split = try SegmentLines(SegmentFormat.encode(changes, group: group))
        let header = String(decoding: split.header, as: UTF8.self)
        let original: [UInt8] = split.body.flatMap { line -> [UInt8] in Array(line) + [0x0A] }
        for _ in 0..<200 {
            let bytes = SegmentFormat.assemble(header: header, lines: mutate(original, using: &random), count: 4)
            let name = SegmentName(firstSeq: 1, lastSeq: 4)
            let whole = try? SegmentFormat.decode(bytes, group: group, feed: key.feed, name: name).changes
            #expect(readOneByOne(bytes, name: name) == whole)
        }
    }

    @Test func aLargeFileIsInflatedPieceByPieceIntoTheSameChanges() throws {
        let changes = chain(3_000)
        let bytes = SegmentFormat.encode(changes, group: group)
        #expect(try SegmentLines(bytes).body.reduce(0) { $0 + $1.count } > 4 * 64 * 1024)
        #expect(readOneByOne(bytes, name: SegmentName(firstSeq: 1, lastSeq: 3_000)) == changes)
    }

    private func readOneByOne(_ bytes: [UInt8], name: SegmentName?) -> [SignedChange]? {
        guard var run = try? SegmentRun(bytes, group: group, feed: key.feed, name: name) else { return nil }
        var read: [SignedChange] = []
        do {
            while let change = try run.next() { read.append(change) }
            return read
        } catch {
            return nil
        }
    }

    private func mutate(_ lines: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var out = lines
        let at = Int.random(in: 0..<out.count, using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0: out[at] ^= UInt8.random(in: 1...255, using: &random)
        case 1: out.insert(UInt8.random(in: 1...3, using: &random), at: at)
        case 2: out.remove(at: at)
        case 3:
            let end = out[at...].firstIndex(of: 0x0A) ?? out.count - 1
            out.insert(contentsOf: out[at...end], at: at)
        default: out[at] = [0x09, 0x20, 0x0A][Int.random(in: 0..<3, using: &random)]
        }
        return out
    }
}
