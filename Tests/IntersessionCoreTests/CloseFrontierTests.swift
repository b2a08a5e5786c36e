import Foundation
import Testing
@testable import IntersessionCore

/// Which of a feed's entries a close's frontier takes in, and how a close carries it.
@Suite struct CloseFrontierTests {
    let hash = ChangeHash.of(Array("seen".utf8))
    let other = ChangeHash.of(Array("other".utf8))

    @Test func theChangeTheCloserSawMustBeTheOneLoggedHere() {
        let head = FeedHead(seq: 5, hash: hash)
        #expect(CloseFrontier.countedThrough(head, loggedHash: hash, frozenFrom: nil) == 5)
        #expect(CloseFrontier.countedThrough(head, loggedHash: other, frozenFrom: nil) == 0)
        #expect(CloseFrontier.countedThrough(head, loggedHash: nil, frozenFrom: nil) == 0)
        #expect(CloseFrontier.countedThrough(nil, loggedHash: hash, frozenFrom: nil) == 0)
    }

    @Test func aForkInsideTheFrontierCountsWhatComesBeforeItWhicheverVariantWasSeen() {
        let head = FeedHead(seq: 5, hash: hash)
        for logged in [hash, other] {
            #expect(CloseFrontier.countedThrough(head, loggedHash: logged, frozenFrom: 3) == 2)
            #expect(CloseFrontier.countedThrough(head, loggedHash: logged, frozenFrom: 5) == 4)
        }
        // A fork after the frontier changes nothing of what it saw.
        #expect(CloseFrontier.countedThrough(head, loggedHash: hash, frozenFrom: 6) == 5)
    }

    @Test func aCloseMustDependOnItsFrontier() {
        let author = DeviceKey().feed, voter = DeviceKey().feed
        let frontier = [voter: FeedHead(seq: 4, hash: hash), author: FeedHead(seq: 6, hash: other)]
        func body(seq: Int64, deps: [FeedID: Int64]) -> ChangeBody {
            ChangeBody(group: hash, author: author, seq: seq, prev: other, hlc: HLC(millis: 1, counter: 0), deps: deps, ops: [])
        }
        #expect(CloseFrontier.isCovered(frontier, by: body(seq: 7, deps: [voter: 4])))
        #expect(!CloseFrontier.isCovered(frontier, by: body(seq: 7, deps: [voter: 3])))
        #expect(!CloseFrontier.isCovered(frontier, by: body(seq: 6, deps: [voter: 4])))
        #expect(CloseFrontier.dependencies(frontier) == [voter: 4, author: 6])
    }

    @Test func aCloseCarriesSeqAndHashPerFeed() throws {
        let voter = DeviceKey().feed
        let poll = EntityID.derive(from: hash, opIndex: 0)
        let close = Op.pollClose(PollClose(poll: poll, frontier: [voter: FeedHead(seq: 3, hash: hash)]))
        let encoded = String(decoding: CanonicalJSON.encode(close.json), as: UTF8.self)
        #expect(encoded.contains("\"\(voter.hex)\":[3,\"\(hash.hex)\"]"))
        #expect(try Op(json: JSONParser.parse(Array(encoded.utf8))) == close)
        let seqOnly = encoded.replacingOccurrences(of: "[3,\"\(hash.hex)\"]", with: "3")
        #expect(throws: ChangeFormatError.self) { try Op(json: JSONParser.parse(Array(seqOnly.utf8))) }
    }

    @Test func theDepthLimitMeansWhatTheReaderMeans() throws {
        var value = JSONValue.int(0)
        for _ in 1..<Limits.jsonDepth { value = .array([value]) }
        #expect(Limits.depth(of: value) == Limits.jsonDepth)
        #expect(throws: Never.self) { try JSONParser.parse(CanonicalJSON.encode(value)) }
        #expect(throws: JSONParseError.self) { try JSONParser.parse(CanonicalJSON.encode(.array([value]))) }
    }
}
