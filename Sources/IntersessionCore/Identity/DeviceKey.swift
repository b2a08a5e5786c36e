import Crypto

/// The Ed25519 key pair of a profile. The private half never leaves the profile's home folder.
public struct DeviceKey: Sendable {
    /// The 32-byte private key; kept as bytes so the key is a plain value.
    public let seed: [UInt8]
    public let feed: FeedID

    public init() {
        self.init(validSeed: Array(Curve25519.Signing.PrivateKey().rawRepresentation))
    }

    public init(seed: [UInt8]) throws(IdentityError) {
        guard seed.count == 32 else { throw .malformedKey }
        self.init(validSeed: seed)
    }

    private init(validSeed seed: [UInt8]) {
        self.seed = seed
        let key = try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        feed = FeedID(bytes: Array(key.publicKey.rawRepresentation))!
    }

    /// Signs 32 bytes (a change hash); the signature is 64 bytes.
    public func sign(_ digest: [UInt8]) -> [UInt8] {
        let key = try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        return Array(try! key.signature(for: digest))
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
