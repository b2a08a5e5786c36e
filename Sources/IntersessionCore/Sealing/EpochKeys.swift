import Crypto
import Foundation

/// What an epoch key is used for besides sealing files: the commitment the signed `group.key`
/// carries, the parent key sealed under it (a newcomer's way into the group's history), and the
/// hint a sealed file carries so that a reader knows which of its keys opens it. Each use has a
/// key of its own, derived with HKDF-SHA256 under its own label.
public enum EpochKeys {
    /// A parent key sealed with ChaCha20-Poly1305: 32 bytes and a 16-byte tag.
    public static let historyBytes = 48

    public static func fresh() -> SymmetricKey { SymmetricKey(size: .bits256) }

    /// The commitment to `key` that its signed `group.key` carries.
    public static func check(_ key: SymmetricKey) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array("intersession-epoch-check-v1".utf8), using: key))
    }

    /// `parent` sealed under `key`, bound to the parent epoch's id. Each epoch key seals one
    /// history only, so its derived key meets a single nonce.
    public static func sealHistory(_ parent: SymmetricKey, of parentID: EntityID, under key: SymmetricKey) throws -> [UInt8] {
        let box = try parent.withUnsafeBytes { bytes in
            try ChaChaPoly.seal(Data(bytes), using: derived(key, "intersession-history-v1"), nonce: zeroNonce,
                                authenticating: Array(parentID.hex.utf8))
        }
        return Array(box.ciphertext + box.tag)
    }

    /// The parent key that `history` holds, if it opens under `key` for `parentID`. The id is
    /// bound, not the parent's commitment, so that a newcomer opens it before the parent's
    /// own `group.key` (sealed under the parent) can be read; the caller checks the key
    /// against that commitment once it is known.
    public static func openHistory(_ history: [UInt8], under key: SymmetricKey, parentID: EntityID) -> SymmetricKey? {
        guard history.count == historyBytes,
            let box = try? ChaChaPoly.SealedBox(nonce: zeroNonce, ciphertext: history.prefix(32), tag: history.suffix(16)),
            let opened = try? ChaChaPoly.open(box, using: derived(key, "intersession-history-v1"), authenticating: Array(parentID.hex.utf8))
        else { return nil }
        return SymmetricKey(data: opened)
    }

    /// The key a sealed file's hint is computed under.
    public static func hintKey(_ key: SymmetricKey) -> SymmetricKey { derived(key, "intersession-hint-v1") }

    static func derived(_ key: SymmetricKey, _ label: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, salt: [UInt8](), info: Array(label.utf8), outputByteCount: 32)
    }

    static var zeroNonce: ChaChaPoly.Nonce { try! ChaChaPoly.Nonce(data: [UInt8](repeating: 0, count: 12)) }
}

extension SymmetricKey {
    /// The key's 32 bytes (for the local keyring and for wrapping).
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }
}
