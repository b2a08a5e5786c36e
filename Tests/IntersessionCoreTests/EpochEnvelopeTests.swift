import Crypto
import Foundation
import Testing
@testable import IntersessionCore

/// An epoch key wrapped for one device opens only there, in its group and epoch, and the
/// format agrees with an independent HPKE implementation.
@Suite struct EpochEnvelopeTests {
    let group = GroupID(bytes: [UInt8](repeating: 0x22, count: 32))!
    let epochKey = SymmetricKey(data: [UInt8](repeating: 0x33, count: 32))

    /// Sealed by pyhpke 0.6.5 for the X25519 key 0x11…11, group 0x22…22, epoch 7, key 0x33…33
    /// (info "intersession-epoch-v1" ‖ group, associated data the epoch as 8 big-endian bytes).
    @Test func opensAnEnvelopeSealedByAnotherImplementation() throws {
        let device = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: Data(repeating: 0x11, count: 32))
        let envelope = EpochEnvelope(
            encapsulated: Hex.decode("b1978497811f00e0c4a7db99005bd4ebfdc9a15ee3d6ab86a9818ddb5550cd53")!,
            sealed: Hex.decode("e9d2b447f133595108bea29e8815bafe22d8933002cd71011332c7e6a4133c83a60c0332ca6482c729b3ae53be450d12")!)
        let opened = try envelope.open(epoch: 7, group: group, with: device)
        #expect(opened == epochKey)
        #expect(throws: EpochEnvelope.Failure.cannotOpen) { try envelope.open(epoch: 8, group: group, with: device) }
    }

    @Test func onlyTheRecipientInItsGroupAndEpochOpensIt() throws {
        let device = DeviceKey(), other = DeviceKey()
        let envelope = try EpochEnvelope.wrap(epochKey, epoch: 3, group: group, for: device.agreementKey.publicKey)
        #expect(envelope.encapsulated.count == 32 && envelope.sealed.count == 48)
        #expect(try envelope.open(epoch: 3, group: group, with: device.agreementKey) == epochKey)
        let otherGroup = GroupID(bytes: [UInt8](repeating: 0x44, count: 32))!
        #expect(throws: EpochEnvelope.Failure.cannotOpen) { try envelope.open(epoch: 3, group: group, with: other.agreementKey) }
        #expect(throws: EpochEnvelope.Failure.cannotOpen) { try envelope.open(epoch: 4, group: group, with: device.agreementKey) }
        #expect(throws: EpochEnvelope.Failure.cannotOpen) { try envelope.open(epoch: 3, group: otherGroup, with: device.agreementKey) }
        var altered = envelope
        altered.sealed[5] ^= 1
        #expect(throws: EpochEnvelope.Failure.cannotOpen) { try altered.open(epoch: 3, group: group, with: device.agreementKey) }
    }

    @Test func theAgreementKeyIsStableAndApartFromTheSigningKey() throws {
        let seed = [UInt8](repeating: 0x55, count: 32)
        let key = try DeviceKey(seed: seed), again = try DeviceKey(seed: seed)
        #expect(key.agreementKey.publicKey.rawRepresentation == again.agreementKey.publicKey.rawRepresentation)
        #expect(Array(key.agreementKey.rawRepresentation) != seed)
        #expect(Array(key.agreementKey.publicKey.rawRepresentation) != key.feed.bytes)
    }
}
