import Testing
@testable import IntersessionCore

@Suite struct FeedChainTests {
    let key = DeviceKey()
    let group = ChangeHash.of(Array("group".utf8))

    func chain(_ count: Int, group: GroupID? = nil) -> [SignedChange] {
        var changes: [SignedChange] = []
        for seq in 1...count {
            let body = ChangeBody(
                group: group ?? self.group, author: key.feed, seq: Int64(seq), prev: changes.last?.hash,
                hlc: HLC(millis: Int64(seq), counter: 0),
                ops: [.memberProfile(MemberProfile(name: "N\(seq)", organisation: "O", language: .en))])
            changes.append(SignedChange(signing: body, with: key))
        }
        return changes
    }

    @Test func acceptsAValidRunAndAContinuation() throws {
        let changes = chain(5)
        try FeedChain.validate(changes, feed: key.feed, group: group, after: nil)
        try FeedChain.validate(Array(changes[2...]), feed: key.feed, group: group, after: (2, changes[1].hash))
    }

    @Test func refusesAWrongPrev() throws {
        var changes = chain(3)
        let forged = ChangeBody(group: group, author: key.feed, seq: 3, prev: changes[0].hash, hlc: .zero, ops: changes[2].body.ops)
        changes[2] = SignedChange(signing: forged, with: key)
        #expect(throws: ChainError.brokenLink(seq: 3)) { try FeedChain.validate(changes, feed: key.feed, group: group, after: nil) }
    }

    @Test func refusesAWrongSeq() throws {
        let changes = chain(4)
        #expect(throws: ChainError.wrongSeq(expected: 3, found: 4)) {
            try FeedChain.validate([changes[0], changes[1], changes[3]], feed: key.feed, group: group, after: nil)
        }
        #expect(throws: ChainError.wrongSeq(expected: 1, found: 2)) {
            try FeedChain.validate(Array(changes[1...]), feed: key.feed, group: group, after: nil)
        }
    }

    @Test func refusesAnotherGroup() throws {
        let changes = chain(2, group: ChangeHash.of(Array("other".utf8)))
        #expect(throws: ChainError.wrongGroup(seq: 1)) { try FeedChain.validate(changes, feed: key.feed, group: group, after: nil) }
    }

    @Test func refusesAnotherAuthor() throws {
        let changes = chain(2)
        #expect(throws: ChainError.wrongAuthor(seq: 1)) {
            try FeedChain.validate(changes, feed: DeviceKey().feed, group: group, after: nil)
        }
    }

    @Test func refusesABadSignatureAndNamesIt() throws {
        var changes = chain(4)
        for index in [1, 3] {
            var signature = changes[index].signature
            signature[10] ^= 0x01
            changes[index] = try SignedChange(bytes: changes[index].bytes, signature: signature)
        }
        #expect(throws: ChainError.badSignature(seq: 2)) { try FeedChain.validate(changes, feed: key.feed, group: group, after: nil) }
        // Only the last signature is checked when it is good: the links vouch for the rest.
        #expect(throws: ChainError.badSignature(seq: 4)) {
            try FeedChain.validate(Array(changes[2...3]), feed: key.feed, group: group, after: (2, changes[1].hash))
        }
    }

    @Test func aFlippedBodyByteBreaksTheSignature() throws {
        let changes = chain(1)
        var bytes = changes[0].bytes
        let index = bytes.firstIndex(of: UInt8(ascii: "N"))!
        bytes[index] = UInt8(ascii: "M")
        let tampered = try SignedChange(bytes: bytes, signature: changes[0].signature)
        #expect(!tampered.verifySignature())
        #expect(throws: ChainError.badSignature(seq: 1)) { try FeedChain.validate([tampered], feed: key.feed, group: group, after: nil) }
    }
}
