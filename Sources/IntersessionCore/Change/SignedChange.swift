/// A change as it travels and is stored: the exact body bytes its author signed, their hash,
/// the signature, and the body decoded from those bytes (never re-encoded).
public struct SignedChange: Sendable, Hashable {
    public let bytes: [UInt8]
    public let hash: ChangeHash
    public let signature: [UInt8]
    public let body: ChangeBody

    /// Encodes and signs a new change. This is the only place a body is ever encoded.
    public init(signing body: ChangeBody, with key: DeviceKey) {
        precondition(body.author == key.feed, "a change is signed by its author")
        bytes = CanonicalJSON.encode(body.json)
        hash = ChangeHash.of(bytes)
        signature = key.sign(hash.bytes)
        self.body = body
    }

    /// Reads a change received as bytes. The signature is not checked here: see `verifySignature()`
    /// and `FeedChain`, which check a run of changes with one verification.
    public init(bytes: [UInt8], signature: [UInt8]) throws(ChangeFormatError) {
        if let problem = Limits.sizeProblem(bodyBytes: bytes.count) { throw problem }
        body = try Self.body(of: bytes)
        self.bytes = bytes
        hash = ChangeHash.of(bytes)
        self.signature = signature
    }

    /// Restores a change the store already checked, with its known hash.
    public init(trustedBytes bytes: [UInt8], hash: ChangeHash, signature: [UInt8]) throws(ChangeFormatError) {
        body = try Self.body(of: bytes)
        self.bytes = bytes
        self.hash = hash
        self.signature = signature
    }

    /// The body as `ChangeBody(json:)` reads it, by the direct reader when the body has the
    /// common shape.
    static func body(of bytes: [UInt8]) throws(ChangeFormatError) -> ChangeBody {
        if let body = ChangeBody.reading(bytes) { return body }
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch { throw .json(error) }
        return try ChangeBody(json: json)
    }

    public var author: FeedID { body.author }
    public var seq: Int64 { body.seq }
    public var stamp: ChangeStamp { ChangeStamp(hlc: body.hlc, author: body.author, seq: body.seq) }

    public func verifySignature() -> Bool {
        SignatureCheck.isValid(signature: signature, of: hash.bytes, by: body.author)
    }

    /// The id of the entity created by op `index` of this change.
    public func entity(_ index: Int) -> EntityID { EntityID.derive(from: hash, opIndex: index) }
}
