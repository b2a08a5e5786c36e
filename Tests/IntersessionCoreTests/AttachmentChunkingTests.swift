import Foundation
import Testing
@testable import IntersessionCore

/// Content-defined chunking: limits held, cut points that follow the content, so that a file
/// changed in one place shares its other chunks; manifests that the rules can trust the shape of.
@Suite struct AttachmentChunkingTests {
    static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        var bytes = [UInt8](repeating: 0, count: count)
        var index = 0
        while index < count {
            var word = random.next()
            for _ in 0..<8 where index < count {
                bytes[index] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                index += 1
            }
        }
        return bytes
    }

    let small = ContentChunker(minimum: 2 << 10, average: 8 << 10, maximum: 32 << 10)

    @Test func chunksCoverTheFileWithinTheLimits() {
        for seed in [UInt64(1), 2, 3] {
            let bytes = Self.randomBytes(600 << 10, seed: seed)
            let ranges = small.ranges(of: bytes)
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == bytes.count)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(ranges.allSatisfy { $0.count <= small.maximum })
            #expect(ranges.dropLast().allSatisfy { $0.count >= small.minimum })
            let average = bytes.count / ranges.count
            #expect(average > small.minimum && average < small.maximum, "average \(average)")
        }
        #expect(small.ranges(of: []).isEmpty)
        #expect(small.ranges(of: [1, 2, 3]) == [0..<3])
    }

    @Test func aFileOfOneRepeatedByteIsCutAtTheMaximum() {
        let ranges = small.ranges(of: [UInt8](repeating: 7, count: 100 << 10))
        #expect(ranges.dropLast().allSatisfy { $0.count == small.maximum })
    }

    @Test func anInsertionKeepsTheOtherChunks() {
        let original = Self.randomBytes(1 << 20, seed: 42)
        var changed = original
        changed.insert(contentsOf: Array("an inserted paragraph".utf8), at: 500_000)
        let before = Set(AttachmentManifest.of(original, name: "a", mediaType: "a/b", chunker: small).chunks.map(\.hash))
        let after = AttachmentManifest.of(changed, name: "a", mediaType: "a/b", chunker: small).chunks.map(\.hash)
        let shared = after.filter(before.contains).count
        #expect(after.count - shared <= 3, "\(after.count - shared) of \(after.count) chunks changed")
        // Cut by fixed offsets instead, every chunk after the insertion would differ.
        #expect(shared >= after.count - 3 && shared > after.count / 2)
    }

    @Test func theStandardChunkerSharesAllButTheChangedChunk() {
        let original = Self.randomBytes(9 << 20, seed: 7)
        var changed = original
        changed.insert(contentsOf: [1, 2, 3, 4], at: 4 << 20)
        let chunker = ContentChunker.standard
        let before = chunker.ranges(of: original)
        #expect(before.allSatisfy { $0.count <= chunker.maximum } && before.dropLast().allSatisfy { $0.count >= chunker.minimum })
        let old = Set(before.map { AttachmentManifest.hash(original[$0]) })
        let new = chunker.ranges(of: changed).map { AttachmentManifest.hash(changed[$0]) }
        #expect(new.filter { !old.contains($0) }.count <= 2)
    }

    @Test func aManifestRoundTripsThroughItsOpAndIsChecked() throws {
        let bytes = Self.randomBytes(100 << 10, seed: 9)
        let manifest = AttachmentManifest.of(bytes, name: "report.pdf", mediaType: "application/pdf", chunker: small)
        #expect(manifest.isValid)
        #expect(manifest.chunks.reduce(0) { $0 + $1.size } == Int64(bytes.count))
        let target = EntityID(hex: String(repeating: "ab", count: 16))!
        let op = Op.attachment(.add(AttachmentAdd(target: target, kind: "post", manifest: manifest)))
        #expect(try Op(json: op.json) == op)
        #expect(Op.knownTypes.contains(op.type))
        var wrongSum = manifest
        wrongSum.size += 1
        var badHash = manifest
        badHash.chunks[0].hash = String(repeating: "G", count: 64)
        var overCap = manifest
        overCap.size = AttachmentLimits.fileBytes + 1
        var tooMany = manifest
        tooMany.chunks = Array(repeating: .init(hash: manifest.sha256, size: 1), count: AttachmentLimits.chunkCount + 1)
        tooMany.size = Int64(tooMany.chunks.count)
        var badName = manifest
        badName.name = ""
        var badType = manifest
        badType.mediaType = "no type"
        for bad in [wrongSum, badHash, overCap, tooMany, badName, badType] { #expect(!bad.isValid) }
    }

    @Test func aHostileNameIsNeverAPath() {
        #expect(AttachmentName.safeFileName("../../etc/passwd") == "passwd")
        #expect(AttachmentName.safeFileName("..") == "attachment")
        #expect(AttachmentName.safeFileName(".bashrc") == "bashrc")
        #expect(AttachmentName.safeFileName("a\u{1B}[31mb\nc.txt") == "a_[31mb_c.txt")
        #expect(AttachmentName.safeFileName("C:\\Windows\\evil.exe") == "evil.exe")
        #expect(AttachmentName.safeFileName("x\u{202E}fdp.exe") == "x_fdp.exe")
        #expect(AttachmentName.mediaType(of: "Report.PDF") == "application/pdf")
        #expect(AttachmentName.mediaType(of: "noextension") == "application/octet-stream")
    }
}
