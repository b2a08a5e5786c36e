import Crypto
import Foundation

/// The names a sealed group gives its files and folders in a shared folder (the Sealing
/// article): an HMAC-SHA256 of the logical name under a key of the group, so that no name
/// reveals a group, a feed or an epoch. The key is derived from the genesis change, which every
/// member and every invitee holds and a sealed folder never shows; it never changes, so names
/// stay the same across epochs.
public struct SealedNames: Sendable, Equatable {
    let keyBytes: [UInt8]
    var key: SymmetricKey { SymmetricKey(data: keyBytes) }
    /// The HMAC keyed once and copied for each name: keying it is most of what a name costs,
    /// and a sync names the folder of every feed.
    private let keyed: KeyedHMAC

    public static func == (lhs: SealedNames, rhs: SealedNames) -> Bool { lhs.keyBytes == rhs.keyBytes }

    public init(genesis: SignedChange) {
        self.init(genesisBytes: genesis.bytes, signature: genesis.signature)
    }

    /// From the genesis change's signed bytes and signature, without decoding them.
    public init(genesisBytes bytes: [UInt8], signature: [UInt8]) {
        keyBytes = KeyDerivation.derive(SymmetricKey(data: signature + bytes), info: Array("intersession-names-v1".utf8)).bytes
        keyed = KeyedHMAC(key: SymmetricKey(data: keyBytes))
    }

    /// The group's folder: `group-` and 16 hex digits.
    public var groupFolder: String { "group-" + name("group", digits: 16) }
    /// A feed's folder: 32 hex digits.
    public func feedFolder(_ feed: FeedID) -> String { name("feed:" + feed.hex, digits: 32) }
    /// An attachment, by the SHA-256 (hex) of its bytes: 64 hex digits, as in an open folder.
    public func blobFile(_ hash: String) -> String { name("blob:" + hash, digits: 64) }
    /// An epoch's key file: 32 hex digits and `.key`.
    public func keyFile(_ epoch: EntityID) -> String { name("epoch:" + epoch.hex, digits: 32) + ".key" }

    /// The key the GROUP file is sealed under: every holder of the names opens it, so that a
    /// newcomer can tell that a folder holds its group before it holds any epoch key.
    public var groupFileKey: SymmetricKey { EpochKeys.derived(key, "intersession-group-file-v1") }

    public static func isFeedFolder(_ name: String) -> Bool {
        name.utf8.count == 32 && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private func name(_ label: String, digits: Int) -> String {
        var mac = keyed.hmac
        mac.update(data: Array(label.utf8))
        return String(Hex.encode(Array(mac.finalize())).prefix(digits))
    }
}

/// An HMAC state that is only ever copied, never updated in place: a copy that is updated gets
/// its own hash contexts (they are copied on write), so one state serves every thread.
private final class KeyedHMAC: @unchecked Sendable {
    let hmac: HMAC<SHA256>

    init(key: SymmetricKey) { hmac = HMAC(key: key) }
}
