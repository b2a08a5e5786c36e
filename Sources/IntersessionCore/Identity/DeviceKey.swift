import Crypto

/// The Ed25519 key pair of a profile. The private half never leaves the profile's home folder.
///
/// Unchecked: the crypto library's key type is an immutable value that does not declare itself
/// Sendable.
public struct DeviceKey: @unchecked Sendable {
    /// The 32-byte private key.
    public let seed: [UInt8]
    public let feed: FeedID
    private let privateKey: Curve25519.Signing.PrivateKey

    public init() {
        self.init(validSeed: Array(Curve25519.Signing.PrivateKey().rawRepresentation))
    }

    public init(seed: [UInt8]) throws(IdentityError) {
        guard seed.count == 32 else { throw .malformedKey }
        self.init(validSeed: seed)
    }

    private init(validSeed seed: [UInt8]) {
        self.seed = seed
        privateKey = try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        feed = FeedID(bytes: Array(privateKey.publicKey.rawRepresentation))!
    }

    /// Signs 32 bytes (a change hash); the signature is 64 bytes.
    public func sign(_ digest: [UInt8]) -> [UInt8] {
        Array(try! privateKey.signature(for: digest))
    }
}

public enum IdentityError: Error, Sendable, Equatable {
    case malformedKey
}

public enum SignatureCheck {
    /// Whether `signature` is `feed`'s Ed25519 signature of `message`.
    public static func isValid(signature: [UInt8], of message: [UInt8], by feed: FeedID) -> Bool {
        guard signature.count == 64,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: feed.bytes)
        else { return false }
        return key.isValidSignature(signature, for: message)
    }
}
