import Testing
@testable import IntersessionCore

/// Known answers: RFC 8032 test 1's key, and a genesis body whose bytes, hash and signature
/// were computed independently (Python's hashlib and cryptography).
@Suite struct ChangeFormatTests {
    static let rfcSeed = Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")!
    static let rfcPublic = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"

    @Test func ed25519KnownAnswer() throws {
        let key = try DeviceKey(seed: Self.rfcSeed)
        #expect(key.feed.hex == Self.rfcPublic)
        let expected = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        #expect(SignatureCheck.isValid(signature: Hex.decode(expected)!, of: [], by: key.feed))
        #expect(!SignatureCheck.isValid(signature: Hex.decode(expected)!, of: [0], by: key.feed))
    }

    @Test func genesisBodyHashAndSignatureKnownAnswer() throws {
        let key = try DeviceKey(seed: Self.rfcSeed)
        let body = ChangeBody(
            group: nil, author: key.feed, seq: 1, prev: nil, hlc: HLC(millis: 1_790_000_000_000, counter: 0),
            ops: [.groupCreate(GroupCreate(title: LocalizedText(english: "WGEC", french: "GTCE")))])
        let change = SignedChange(signing: body, with: key)
        let text = String(decoding: change.bytes, as: UTF8.self)
        #expect(text == #"{"author":"d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a","deps":{},"group":null,"hlc":[1790000000000,0],"ops":[{"t":"group.create","title":{"en":"WGEC","fr":"GTCE"}}],"prev":null,"seq":1,"v":1}"#)
        #expect(change.hash.hex == "f220e1094fc48cd17938d6d4654f899a5f62d57c011717a7ba3af4bac68f6dd8")
        #expect(Hex.encode(change.signature) == "3e135744090966cea7e029cd9be40d1ef54b4b37d286f4eee028f090cb63f657cdd8b9de4af08c58f901728a2bf107b64ed2cd7cd6bb0220131377443919e30f")
        #expect(change.verifySignature())
    }

    @Test func everyOpRoundTripsThroughTheBytes() throws {
        let key = DeviceKey()
        let other = DeviceKey().feed
        let group = ChangeHash.of([1, 2, 3])
        let topic = EntityID.derive(from: group, opIndex: 3)
        let post = EntityID.derive(from: group, opIndex: 4)
        let ops: [Op] = [
            .memberProfile(MemberProfile(name: "Zoë", organisation: "Douane française", language: .fr)),
            .memberRole(MemberRole(feed: other, role: .cochair, fromSeq: 4)),
            .topicCreate(TopicCreate(key: "risk", title: LocalizedText(english: "Risk", french: nil), order: 6)),
            .threadCreate(ThreadCreate(topic: topic, title: "Title \"quoted\"", body: "Body\nline 2", language: .en)),
            .postCreate(PostCreate(thread: post, parent: post, body: "Reply", language: .fr, quote: "> q")),
            .postCreate(PostCreate(thread: post, parent: post, body: "No quote", language: .en)),
            .postEdit(PostEdit(post: post, body: "Edited")),
            .postRetract(PostRetract(post: post)),
            .unknown(type: "x.future", ["t": "x.future", "choice": 2]),
        ]
        let body = ChangeBody(
            group: group, author: key.feed, seq: 7, prev: ChangeHash.of([9]), hlc: HLC(millis: 5, counter: 2),
            deps: [other: 3], ops: ops)
        let signed = SignedChange(signing: body, with: key)
        let received = try SignedChange(bytes: signed.bytes, signature: signed.signature)
        #expect(received.body == body)
        #expect(received.hash == signed.hash)
        #expect(received.verifySignature())
    }

    @Test func malformedBodiesAreRefusedWithTheFieldNamed() throws {
        let key = DeviceKey()
        func parse(_ edit: (inout [String: JSONValue]) -> Void) throws {
            var fields = ChangeBody(group: nil, author: key.feed, seq: 1, prev: nil, hlc: .zero,
                                    ops: [.postRetract(PostRetract(post: EntityID.derive(from: .of([]), opIndex: 0)))])
                .json.objectValue!
            edit(&fields)
            _ = try SignedChange(bytes: CanonicalJSON.encode(.object(fields)), signature: [])
        }
        #expect(throws: Never.self) { try parse { _ in } }
        #expect(throws: ChangeFormatError.unsupportedVersion(2)) { try parse { $0["v"] = 2 } }
        #expect(throws: ChangeFormatError.missingField("author")) { try parse { $0["author"] = nil } }
        #expect(throws: ChangeFormatError.badField("seq", "must be 1 or more")) { try parse { $0["seq"] = 0 } }
        #expect(throws: ChangeFormatError.badField("prev", "must be null exactly when seq is 1")) { try parse { $0["seq"] = 2 } }
        #expect(throws: ChangeFormatError.badField("ops", "must be a non-empty array")) { try parse { $0["ops"] = [] } }
        #expect(throws: ChangeFormatError.badField("deps", "must map other feeds to seqs")) {
            try parse { $0["deps"] = .object([key.feed.hex: 1]) }
        }
        #expect(throws: ChangeFormatError.missingField("post")) { try parse { $0["ops"] = [["t": "post.retract"]] } }
        // Past the largest seq (a reader's `seq + 1` overflowed: fuzzing, issue 19).
        let past = JSONValue.int(Limits.largestSeq + 1)
        #expect(throws: ChangeFormatError.badField("seq", "must be at most \(Limits.largestSeq)")) {
            try parse { $0["seq"] = past; $0["prev"] = .string(ChangeHash.of([]).hex) }
        }
        #expect(throws: ChangeFormatError.badField("deps", "must map other feeds to seqs")) {
            try parse { $0["deps"] = .object([DeviceKey().feed.hex: past]) }
        }
        #expect(throws: Never.self) { try parse { $0["deps"] = .object([DeviceKey().feed.hex: .int(Limits.largestSeq)]) } }
    }

    @Test func entityIdsDependOnHashAndIndex() {
        let hash = ChangeHash.of(Array("x".utf8))
        #expect(EntityID.derive(from: hash, opIndex: 0) != EntityID.derive(from: hash, opIndex: 1))
        #expect(EntityID.derive(from: hash, opIndex: 0) == EntityID.derive(from: hash, opIndex: 0))
        #expect(EntityID.derive(from: hash, opIndex: 0).hex.count == 32)
    }

    @Test func clockStampsIncrease() {
        let late = HLC(millis: 1000, counter: 4)
        #expect(HLC.next(after: late, now: 900) == HLC(millis: 1000, counter: 5))
        #expect(HLC.next(after: late, now: 2000) == HLC(millis: 2000, counter: 0))
        let a = DeviceKey().feed, b = DeviceKey().feed
        let (low, high) = a < b ? (a, b) : (b, a)
        #expect(ChangeStamp(hlc: late, author: low, seq: 9) < ChangeStamp(hlc: late, author: high, seq: 1))
    }
}
