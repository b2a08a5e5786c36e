import Crypto

/// A new epoch of a sealed group, as the secretariat makes it: a fresh key wrapped for each
/// recipient's agreement key, committed to, and sealing the parent's key as its history.
public enum EpochStart {
    public struct Made: Sendable {
        public var op: GroupKey
        public var key: [UInt8]
    }

    /// `recipients`: recipient id (a feed or an invite key) → its X25519 public key. A key that
    /// is not a valid X25519 key is left out. `earlier`: every epoch key the signer holds (the
    /// parent's among them), for the history.
    public static func make(parent: (id: EntityID, number: Int64)?, earlier: [EntityID: [UInt8]] = [:], recipients: [FeedID: [UInt8]],
                            group: GroupID) throws -> Made {
        let key = EpochKeys.fresh()
        let number = (parent?.number ?? 0) + 1
        var wraps: [FeedID: [UInt8]] = [:]
        for (recipient, agreement) in recipients {
            guard let publicKey = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: agreement) else { continue }
            wraps[recipient] = try EpochEnvelope.wrap(key, epoch: number, group: group, for: publicKey).bytes
        }
        let history = try parent.map { try EpochKeys.sealHistory(earlier, parent: $0.id, under: key) }
        return Made(op: GroupKey(number: number, parent: parent?.id, check: EpochKeys.check(key), wraps: wraps, history: history),
                    key: key.bytes)
    }
}

extension DeviceKey {
    /// The public half of `agreementKey`, as published in `kx`.
    public var agreementPublicKey: [UInt8] { Array(agreementKey.publicKey.rawRepresentation) }
}
