import Crypto
import Foundation

/// The sealing of a file's bytes under a group epoch key, for sealed folders (issue "Sealed
/// folders"), after age's STREAM: a payload key derived from the epoch key and a fresh random
/// salt (HKDF-SHA256), then the bytes in chunks of 64 KiB, each sealed with ChaCha20-Poly1305
/// under a nonce of an 11-byte big-endian chunk counter and a last-chunk flag, with the file's
/// header as associated data. A reader so refuses a chunk altered, dropped, reordered or
/// added, a file cut at a chunk boundary, and a header swapped from another file.
///
/// Not yet used by the folder format: the sealed segment and key envelope build on it.
public enum SealedStream {
    public static let chunkBytes = 64 * 1024
    public static let saltBytes = 16
    static let tagBytes = 16
    static let info = Array("intersession-sealed-stream-v1".utf8)

    public enum Failure: Error, Sendable, Equatable {
        /// A chunk does not authenticate: altered, cut, reordered, another key or header.
        case damaged
        case badSalt
    }

    public static func seal(_ plaintext: [UInt8], epochKey: SymmetricKey, salt: [UInt8], header: [UInt8]) throws -> [UInt8] {
        let key = try payloadKey(epochKey, salt: salt)
        var sealed: [UInt8] = []
        sealed.reserveCapacity(plaintext.count + (plaintext.count / chunkBytes + 1) * tagBytes)
        let count = max(1, (plaintext.count + chunkBytes - 1) / chunkBytes)
        for index in 0..<count {
            let chunk = plaintext[(index * chunkBytes)..<min(plaintext.count, (index + 1) * chunkBytes)]
            let box = try ChaChaPoly.seal(chunk, using: key, nonce: nonce(index, last: index == count - 1), authenticating: header)
            sealed += box.ciphertext
            sealed += box.tag
        }
        return sealed
    }

    public static func open(_ sealed: [UInt8], epochKey: SymmetricKey, salt: [UInt8], header: [UInt8]) throws(Failure) -> [UInt8] {
        guard let key = try? payloadKey(epochKey, salt: salt) else { throw .badSalt }
        let piece = chunkBytes + tagBytes
        let count = max(1, (sealed.count + piece - 1) / piece)
        var plaintext: [UInt8] = []
        plaintext.reserveCapacity(sealed.count)
        for index in 0..<count {
            let bytes = sealed[(index * piece)..<min(sealed.count, (index + 1) * piece)]
            // Only the last chunk may be short, and only an empty file's may be empty.
            guard bytes.count >= tagBytes, bytes.count > tagBytes || count == 1 else { throw .damaged }
            do {
                let box = try ChaChaPoly.SealedBox(nonce: nonce(index, last: index == count - 1),
                                                   ciphertext: bytes.dropLast(tagBytes), tag: bytes.suffix(tagBytes))
                plaintext += try ChaChaPoly.open(box, using: key, authenticating: header)
            } catch {
                throw .damaged
            }
        }
        return plaintext
    }

    /// A fresh random salt for one sealing.
    public static func freshSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<saltBytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    static func payloadKey(_ epochKey: SymmetricKey, salt: [UInt8]) throws(Failure) -> SymmetricKey {
        guard salt.count == saltBytes else { throw .badSalt }
        return KeyDerivation.derive(epochKey, salt: salt, info: info)
    }

    static func nonce(_ index: Int, last: Bool) -> ChaChaPoly.Nonce {
        var bytes = [UInt8](repeating: 0, count: 12)
        var counter = UInt64(index)
        for position in stride(from: 10, through: 3, by: -1) {
            bytes[position] = UInt8(counter & 0xFF)
            counter >>= 8
        }
        bytes[11] = last ? 1 : 0
        return try! ChaChaPoly.Nonce(data: bytes)
    }
}
