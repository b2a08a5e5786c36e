import Crypto
import Foundation
import Testing
@testable import IntersessionCore

/// The chunked sealing sealed folders will use: every size round-trips, and any alteration,
/// cut, reordering, extension, other key or other header is refused.
@Suite struct SealedStreamTests {
    let key = SymmetricKey(data: [UInt8](repeating: 0x01, count: 32))
    let salt = [UInt8](repeating: 0x02, count: 16)
    let header = Array("INTERSESSION-SEALED 1".utf8)
    static let chunk = SealedStream.chunkBytes

    func bytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) } }

    @Test(arguments: [0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk, 3 * chunk + 5])
    func everySizeRoundTrips(size: Int) throws {
        let plain = bytes(size)
        let sealed = try SealedStream.seal(plain, epochKey: key, salt: salt, header: header)
        #expect(sealed.count == size + max(1, (size + Self.chunk - 1) / Self.chunk) * 16)
        #expect(try SealedStream.open(sealed, epochKey: key, salt: salt, header: header) == plain)
    }

    /// Pins the format: key derivation, nonce layout and chunking must never change silently.
    /// The expected bytes were computed independently, with Python's `cryptography` (HKDF-SHA256
    /// with this salt and info, then ChaCha20-Poly1305 under nonce 0…0 01 with "h" as data).
    @Test func knownAnswer() throws {
        let sealed = try SealedStream.seal(Array("hello".utf8), epochKey: key, salt: salt, header: Array("h".utf8))
        #expect(Hex.encode(sealed) == Self.helloSealed)
    }
    static let helloSealed = "31261889d7545883919794426796fe6d374384adc3"

    /// Three chunks: the counter and the last-chunk flag in each nonce, checked the same way
    /// (the SHA-256 of the independently sealed bytes).
    @Test func knownAnswerOverChunks() throws {
        let sealed = try SealedStream.seal(bytes(2 * Self.chunk + 5), epochKey: key, salt: salt, header: header)
        var hasher = ContentHasher()
        hasher.update(sealed)
        #expect(sealed.count == 131_125)
        #expect(hasher.finalizeHex() == "d1e5289c6de5d13eead0afeb2236e01c8b365762661fe1541ea7fb97e916f02d")
    }

    @Test func anyAlterationIsRefused() throws {
        let plain = bytes(2 * Self.chunk + 100)
        let sealed = try SealedStream.seal(plain, epochKey: key, salt: salt, header: header)
        let piece = Self.chunk + 16
        var flipped = sealed
        flipped[piece + 7] ^= 0x01
        let cases: [[UInt8]] = [
            flipped,
            Array(sealed.prefix(2 * piece)),                              // cut at a chunk boundary
            Array(sealed.prefix(piece)) + Array(sealed.suffix(from: 2 * piece)), // a chunk dropped
            Array(sealed[piece..<(2 * piece)]) + Array(sealed.prefix(piece)) + Array(sealed.suffix(from: 2 * piece)), // reordered
            sealed + [0],                                                 // extended
            Array(sealed.dropLast()),                                     // last chunk cut
            [],
        ]
        for damaged in cases {
            #expect(throws: SealedStream.Failure.damaged) { try SealedStream.open(damaged, epochKey: key, salt: salt, header: header) }
        }
    }

    @Test func anotherKeySaltOrHeaderIsRefused() throws {
        let sealed = try SealedStream.seal(bytes(1000), epochKey: key, salt: salt, header: header)
        let other = SymmetricKey(data: [UInt8](repeating: 0x03, count: 32))
        #expect(throws: SealedStream.Failure.damaged) { try SealedStream.open(sealed, epochKey: other, salt: salt, header: header) }
        #expect(throws: SealedStream.Failure.damaged) {
            try SealedStream.open(sealed, epochKey: key, salt: [UInt8](repeating: 0x09, count: 16), header: header)
        }
        #expect(throws: SealedStream.Failure.damaged) { try SealedStream.open(sealed, epochKey: key, salt: salt, header: header + [0]) }
        #expect(throws: SealedStream.Failure.badSalt) { try SealedStream.open(sealed, epochKey: key, salt: [1, 2], header: header) }
    }

    @Test func freshSaltsDiffer() {
        #expect(SealedStream.freshSalt() != SealedStream.freshSalt())
        #expect(SealedStream.freshSalt().count == SealedStream.saltBytes)
    }
}
