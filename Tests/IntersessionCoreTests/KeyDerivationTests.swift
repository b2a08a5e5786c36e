import Crypto
import Foundation
import Testing
@testable import IntersessionCore

/// The two-HMAC key derivation gives exactly swift-crypto's HKDF-SHA256 bytes, with and without
/// a salt: every sealed file, name and envelope made before it still opens.
struct KeyDerivationTests {
    @Test(arguments: [0, 1, 16, 32, 64, 65, 200])
    func theSameBytesAsHKDF(saltLength: Int) {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let input = SymmetricKey(data: (0..<(16 + round * 7)).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let salt = (0..<saltLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let info = Array("intersession-test-\(round)".utf8)
            let expected = HKDF<SHA256>.deriveKey(inputKeyMaterial: input, salt: salt, info: info, outputByteCount: 32)
            #expect(KeyDerivation.derive(input, salt: salt, info: info).bytes == expected.bytes)
        }
    }

    @Test func theRFC5869FirstVector() {
        let input = SymmetricKey(data: [UInt8](repeating: 0x0b, count: 22))
        let salt: [UInt8] = Array(0x00...0x0c)
        let info: [UInt8] = Array(0xf0...0xf9)
        // RFC 5869 A.1's OKM, its first 32 of 42 bytes.
        let okm = "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
        #expect(KeyDerivation.derive(input, salt: salt, info: info).bytes.map { String(format: "%02x", $0) }.joined() == okm)
    }
}
