import Crypto
import Foundation

/// A group epoch key wrapped for one member device (issue "Sealed folders"), with HPKE
/// (RFC 9180, base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305). The info
/// binds it to the group, the associated data to the epoch number, so that an envelope cannot
/// be replayed into another group or another epoch.
///
/// A signed `group.key` carries one for each recipient; a sealed invite carries one for its key.
public struct EpochEnvelope: Sendable, Equatable {
    /// The sender's encapsulated ephemeral key (32 bytes).
    public var encapsulated: [UInt8]
    /// The sealed epoch key and its tag (48 bytes).
    public var sealed: [UInt8]

    static var suite: HPKE.Ciphersuite { .Curve25519_SHA256_ChachaPoly }
    static let infoPrefix = Array("intersession-epoch-v1".utf8)

    public enum Failure: Error, Sendable, Equatable {
        /// Not for this device, another group or epoch, or altered.
        case cannotOpen
    }

    public init(encapsulated: [UInt8], sealed: [UInt8]) {
        self.encapsulated = encapsulated
        self.sealed = sealed
    }

    /// The envelope as one run of bytes: the encapsulated key, then the sealed key.
    public static let bytes = 32 + 48
    public var bytes: [UInt8] { encapsulated + sealed }

    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.bytes else { return nil }
        self.init(encapsulated: Array(bytes.prefix(32)), sealed: Array(bytes.suffix(48)))
    }

    /// Wraps `epochKey` (32 bytes) for the device whose agreement key is `recipient`.
    public static func wrap(_ epochKey: SymmetricKey, epoch: Int64, group: GroupID,
                            for recipient: Curve25519.KeyAgreement.PublicKey) throws -> EpochEnvelope {
        var sender = try HPKE.Sender(recipientKey: recipient, ciphersuite: suite, info: Data(info(group)))
        let sealed = try epochKey.withUnsafeBytes { try sender.seal(Data($0), authenticating: aad(epoch)) }
        return EpochEnvelope(encapsulated: Array(sender.encapsulatedKey), sealed: Array(sealed))
    }

    /// The epoch key, opened with this device's agreement key.
    public func open(epoch: Int64, group: GroupID, with privateKey: Curve25519.KeyAgreement.PrivateKey)
        throws(Failure) -> SymmetricKey {
        do {
            var recipient = try HPKE.Recipient(privateKey: privateKey, ciphersuite: Self.suite, info: Data(Self.info(group)),
                                               encapsulatedKey: Data(encapsulated))
            let key = try recipient.open(Data(sealed), authenticating: Self.aad(epoch))
            guard key.count == 32 else { throw Failure.cannotOpen }
            return SymmetricKey(data: key)
        } catch {
            throw .cannotOpen
        }
    }

    static func info(_ group: GroupID) -> [UInt8] { infoPrefix + group.bytes }

    static func aad(_ epoch: Int64) -> Data {
        Data((0..<8).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: epoch) >> (8 * (7 - $0))) })
    }
}

extension DeviceKey {
    /// This device's X25519 key for receiving epoch keys, derived from its identity seed with a
    /// label of its own (HKDF-SHA256), so that the home keeps one secret and the signing key is
    /// never used for key agreement.
    public var agreementKey: Curve25519.KeyAgreement.PrivateKey {
        let derived = KeyDerivation.derive(SymmetricKey(data: seed), info: Array("intersession-x25519-v1".utf8))
        return derived.withUnsafeBytes { try! Curve25519.KeyAgreement.PrivateKey(rawRepresentation: Data($0)) }
    }
}
