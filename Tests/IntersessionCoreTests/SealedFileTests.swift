import Crypto
import Foundation
import Testing
@testable import IntersessionCore

/// A sealed file opens only with its epoch's key, reveals its length only to a Padmé bucket,
/// and is refused, never half-read, when altered or cut; the format agrees with an independent
/// implementation.
@Suite struct SealedFileTests {
    let key = SymmetricKey(data: Array(0..<32) as [UInt8])
    let contents = Array("INTERSESSION test contents\n".utf8)

    var keyring: SealedFile.Keyring { SealedFile.Keyring([(id: "e1", key: key)]) }

    /// Computed with Python's `cryptography` (HKDF-SHA256, HMAC-SHA256, ChaCha20-Poly1305) from
    /// the format's description: salt and hint derivation, Padmé padding, the stream.
    @Test func matchesAnIndependentComputation() throws {
        let sealed = try SealedFile.seal(contents, under: key)
        #expect(sealed.count == 568)
        #expect(Hex.encode(Array(SHA256.hash(data: sealed))) == "9741bd87d579b36b4773ecbbf90ad1d0dfdeee401d959677bd2dbbd6043958f6")
        #expect(Hex.encode(EpochKeys.check(key)) == "c46355bbbf42d86dd36bd857eca71546394c79b8d4c6ee33fe75c1f25900ac7b")
    }

    @Test func opensWithItsKeyOnly() throws {
        let sealed = try SealedFile.seal(contents, under: key)
        let opened = try SealedFile.open(sealed, with: keyring)
        #expect(opened.contents == contents && opened.key.id == "e1")
        let other = SealedFile.Keyring([(id: "e2", key: SymmetricKey(size: .bits256))])
        #expect(throws: SealedFile.Failure.noKey) { try SealedFile.open(sealed, with: other) }
        #expect(throws: SealedFile.Failure.notSealed) { try SealedFile.open(contents, with: keyring) }
        #expect(!sealed.contains(subsequence: Array("INTERSESSION".utf8)))
    }

    @Test func equalContentsSealToEqualBytesAndOthersDoNot() throws {
        #expect(try SealedFile.seal(contents, under: key) == SealedFile.seal(contents, under: key))
        let other = try SealedFile.seal(Array("INTERSESSION other\n".utf8), under: key)
        #expect(Array(other[8..<24]) != Array(try SealedFile.seal(contents, under: key)[8..<24]))
    }

    @Test func aFlippedByteIsDamageAndACutIsIncomplete() throws {
        let sealed = try SealedFile.seal(Array(repeating: UInt8(ascii: "x"), count: 200_000) + [0x0A], under: key)
        for position in [SealedFile.headerBytes + 3, sealed.count / 2, sealed.count - 1] {
            var flipped = sealed
            flipped[position] ^= 0x01
            #expect(throws: SealedFile.Failure.damaged) { try SealedFile.open(flipped, with: keyring) }
        }
        var hint = sealed
        hint[30] ^= 0x01
        #expect(throws: SealedFile.Failure.noKey) { try SealedFile.open(hint, with: keyring) }
        for cut in [sealed.count - 1, sealed.count - 100, SealedFile.headerBytes + 10] {
            #expect(throws: SealedFile.Failure.incomplete) { try SealedFile.open(Array(sealed.prefix(cut)), with: keyring) }
        }
        // Cut at a chunk boundary, a length a whole file could have: the last-chunk flag refuses it.
        #expect(throws: SealedFile.Failure.damaged) { try SealedFile.open(Array(sealed.dropLast(65_552)), with: keyring) }
    }

    @Test func lengthsArePadmeBuckets() throws {
        #expect([1, 512, 513, 1000, 100_000, 1 << 20].map(Padme.padded) == [512, 512, 544, 1024, 100_352, 1_048_576])
        var generator = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let length = Int.random(in: 1...5_000_000, using: &generator)
            let padded = Padme.padded(length)
            #expect(padded >= length && Padme.isPadded(padded))
            #expect(Double(padded) <= Double(max(length, Padme.minimum)) * 1.12)
        }
        for count in [10, 600, 70_000] {
            let sealed = try SealedFile.seal(Array(repeating: UInt8(ascii: "a"), count: count) + [0x0A], under: key)
            #expect(SealedFile.isWholeLength(sealed.count))
        }
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard subsequence.count <= count else { return false }
        return (0...(count - subsequence.count)).contains { self[$0..<($0 + subsequence.count)].elementsEqual(subsequence) }
    }
}
