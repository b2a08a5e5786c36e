import Crypto
import Foundation
import Testing
@testable import IntersessionCore

/// A sealed folder's names are HMAC-SHA256 of their logical names under the names key (the
/// Sealing article). The HMAC is keyed once and copied for each name: every name must still be
/// the one-shot HMAC of its own label, whatever was named before it and on whatever thread.
@Suite struct SealedNamesTests {
    let names = SealedNames(genesisBytes: Array("a genesis change".utf8), signature: [UInt8](repeating: 7, count: 64))

    func expected(_ label: String, _ digits: Int) -> String {
        String(Hex.encode(Array(HMAC<SHA256>.authenticationCode(for: Array(label.utf8), using: names.key))).prefix(digits))
    }

    @Test func eachNameIsTheHMACOfItsLabelAloneHoweverOftenNamesAreMade() throws {
        let feed = try #require(FeedID(bytes: [UInt8](repeating: 3, count: 32)))
        let epoch = try #require(EntityID(hex: String(repeating: "ab", count: 16)))
        for _ in 0..<3 {
            #expect(names.groupFolder == "group-" + expected("group", 16))
            #expect(names.feedFolder(feed) == expected("feed:" + feed.hex, 32))
            #expect(names.blobFile(String(repeating: "0", count: 64)) == expected("blob:" + String(repeating: "0", count: 64), 64))
            #expect(names.keyFile(epoch) == expected("epoch:" + epoch.hex, 32) + ".key")
        }
    }

    @Test func namesMadeOnManyThreadsAtOnceAreTheSame() async throws {
        let feeds = (0..<64).compactMap { FeedID(bytes: [UInt8](repeating: UInt8($0), count: 32)) }
        let made = await withTaskGroup(of: (Int, String).self) { group in
            for (index, feed) in feeds.enumerated() { group.addTask { [names] in (index, names.feedFolder(feed)) } }
            var made: [Int: String] = [:]
            for await (index, name) in group { made[index] = name }
            return made
        }
        for (index, feed) in feeds.enumerated() { #expect(made[index] == expected("feed:" + feed.hex, 32)) }
    }

    @Test func twoNamingsOfOneGenesisAreEqualAndOfAnotherAreNot() {
        let again = SealedNames(genesisBytes: Array("a genesis change".utf8), signature: [UInt8](repeating: 7, count: 64))
        let other = SealedNames(genesisBytes: Array("another genesis".utf8), signature: [UInt8](repeating: 7, count: 64))
        #expect(names == again)
        #expect(names != other)
    }
}
