import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// A store's first import may leave the search index behind and index every post at the end
/// (`SearchIndex`): searching must find what an index kept post by post finds, edits and
/// retractions included, and an import cut short must leave nothing unfound.
@Suite struct SearchIndexBehindTests {
    let founder = DeviceKey()

    @Test func anIndexLeftBehindFindsWhatAKeptOneFinds() throws {
        let (source, genesis) = try Fixture.foundedStore(by: founder)
        let changes = try [genesis] + writing(into: source)
        let replica = try AppDatabase.inMemory()
        try replica.apply([genesis])
        #expect(try replica.leaveSearchIndexBehindIfEmpty())
        try replica.apply(Array(changes.dropFirst()))
        #expect(try replica.read(SearchIndex.isBehind), "the import wrote nothing to the index, and says so")
        for query in ["parcels", "consignment*", "déclaration", "customs", "ruling", "courier"] {
            // The search itself catches the index up, as after an import cut short.
            #expect(try replica.search(query).map(\.post) == source.search(query).map(\.post), "\(query)")
        }
        #expect(try !replica.read(SearchIndex.isBehind))
        #expect(try Fixture.ftsIsConsistent(replica))
        #expect(try replica.stateDigest() == source.stateDigest())
    }

    @Test func aStoreWithPostsKeepsItsIndexUpToDate() throws {
        let (source, _) = try Fixture.foundedStore(by: founder)
        _ = try writing(into: source)
        #expect(try !source.leaveSearchIndexBehindIfEmpty())
        #expect(try !source.read(SearchIndex.isBehind))
    }

    /// Threads, a reply, an edit and a retraction, as the founder wrote them.
    private func writing(into store: AppDatabase) throws -> [SignedChange] {
        let topic = try Fixture.topicIDs(store)[0]
        var changes: [SignedChange] = []
        for (index, body) in ["parcels and déclarations", "customs rulings for couriers", "low-value consignments"].enumerated() {
            changes.append(try store.author(
                ops: [.threadCreate(ThreadCreate(topic: topic, title: "T\(index)", body: body, language: .en))],
                references: [topic], key: founder, now: 3_000 + Int64(index)))
        }
        let first = changes[0].entity(0), second = changes[1].entity(0)
        changes.append(try store.author(ops: [.postEdit(PostEdit(post: first, body: "consignments by courier"))],
                                        references: [first], key: founder, now: 4_000))
        changes.append(try store.author(ops: [.postRetract(PostRetract(post: second))], references: [second],
                                        key: founder, now: 4_001))
        return changes
    }
}
