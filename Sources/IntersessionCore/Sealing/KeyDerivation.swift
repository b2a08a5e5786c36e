import Crypto

/// HKDF-SHA256 (RFC 5869) for the one 32-byte block every key here takes: extract is
/// HMAC(salt, input), expand is HMAC(that, info ‖ 0x01). The same bytes as swift-crypto's
/// `HKDF<SHA256>.deriveKey(…, outputByteCount: 32)`, whose generic code costs about 250,000
/// instructions a key: one a sealed file read, and one an epoch a sync's keyring loads.
enum KeyDerivation {
    static func derive(_ input: SymmetricKey, salt: [UInt8] = [], info: [UInt8]) -> SymmetricKey {
        // An empty salt stands for a hash's length of zeros (RFC 5869 §2.2); a key is never
        // made of no bytes.
        let saltKey = SymmetricKey(data: salt.isEmpty ? [UInt8](repeating: 0, count: 32) : salt)
        let pseudoRandomKey = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: input.bytes, using: saltKey))
        return SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: info + [1], using: pseudoRandomKey))
    }
}
