import Crypto
import Foundation

/// What an epoch key is used for besides sealing files: the commitment the signed `group.key`
/// carries, the parent key sealed under it (a newcomer's way into the group's history), and the
/// hint a sealed file carries so that a reader knows which of its keys opens it. Each use has a
/// key of its own, derived with HKDF-SHA256 under its own label.
public enum EpochKeys {
    /// One earlier epoch in a history: its id (16 bytes) and key (32 bytes).
    public static let historyEntryBytes = 48
    /// The most earlier epochs one history carries.
    public static let maximumHistory = 10_000

    public static func fresh() -> SymmetricKey { SymmetricKey(size: .bits256) }

    /// The commitment to `key` that its signed `group.key` carries.
    public static func check(_ key: SymmetricKey) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array("intersession-epoch-check-v1".utf8), using: key))
    }

    /// Every earlier epoch key the signer holds (`earlier`: id → key), sealed under `key`
    /// and bound to the parent epoch's id: whoever holds this epoch reads the whole history in
    /// one step, however long. Each epoch key seals one history only, so its derived key
    /// meets a single nonce.
    public static func sealHistory(_ earlier: [EntityID: [UInt8]], parent parentID: EntityID, under key: SymmetricKey) throws -> [UInt8] {
        var plain: [UInt8] = []
        for (id, bytes) in earlier.sorted(by: { $0.key < $1.key }).prefix(maximumHistory) where bytes.count == 32 {
            plain += Hex.decode(id.hex)! + bytes
        }
        let box = try ChaChaPoly.seal(plain, using: derived(key, "intersession-history-v1"), nonce: zeroNonce,
                                      authenticating: Array(parentID.hex.utf8))
        return Array(box.ciphertext + box.tag)
    }

    /// The earlier keys `history` holds, if it opens under `key` for `parentID`. The id is
    /// bound, not the parent's commitment, so that a newcomer opens it before the parent's
    /// own `group.key` (sealed under the parent) can be read; the caller checks each key
    /// against its commitment once that is known.
    public static func openHistory(_ history: [UInt8], under key: SymmetricKey, parentID: EntityID) -> [EntityID: [UInt8]]? {
        guard isHistoryLength(history.count),
            let box = try? ChaChaPoly.SealedBox(nonce: zeroNonce, ciphertext: history.dropLast(16), tag: history.suffix(16)),
            let opened = try? Array(ChaChaPoly.open(box, using: derived(key, "intersession-history-v1"), authenticating: Array(parentID.hex.utf8)))
        else { return nil }
        var earlier: [EntityID: [UInt8]] = [:]
        for start in stride(from: 0, to: opened.count, by: historyEntryBytes) {
            guard let id = EntityID(hex: Hex.encode(Array(opened[start..<(start + 16)])))  else { return nil }
            earlier[id] = Array(opened[(start + 16)..<(start + historyEntryBytes)])
        }
        return earlier
    }

    public static func isHistoryLength(_ count: Int) -> Bool {
        count >= 16 && (count - 16) % historyEntryBytes == 0 && (count - 16) / historyEntryBytes <= maximumHistory
    }

    /// The key a sealed file's hint is computed under.
    public static func hintKey(_ key: SymmetricKey) -> SymmetricKey { derived(key, "intersession-hint-v1") }

    static func derived(_ key: SymmetricKey, _ label: String) -> SymmetricKey {
        KeyDerivation.derive(key, info: Array(label.utf8))
    }

    static var zeroNonce: ChaChaPoly.Nonce { try! ChaChaPoly.Nonce(data: [UInt8](repeating: 0, count: 12)) }
}

extension SymmetricKey {
    /// The key's 32 bytes (for the local keyring and for wrapping).
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }
}
