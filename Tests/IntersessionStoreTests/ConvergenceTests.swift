import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Several authors, each on a replica of their own, post, reply, edit and retract while seeing
/// only part of each other's work. Whatever the order in which a replica then receives the
/// changes, with duplicates and in batches of any size, it must end in the same state, and that
/// state must equal a rebuild from its log.
@Suite struct ConvergenceTests {
    struct Author {
        let key: DeviceKey
        let store: AppDatabase
    }

    /// Makes a few hundred changes from four authors with partial, random exchange.
    static func history(seed: UInt64, steps: Int) throws -> [SignedChange] {
        var rng = SplitMix64(seed: seed)
        let founderKey = DeviceKey()
        let (founderStore, genesis) = try Fixture.foundedStore(by: founderKey)
        var all = [genesis]
        let delegates = (0..<3).map { _ in DeviceKey() }
        all.append(try founderStore.author(
            ops: delegates.map { .memberRole(MemberRole(feed: $0.feed, role: .member, fromSeq: 1)) },
            references: [], key: founderKey, now: 1_001))
        var authors = [Author(key: founderKey, store: founderStore)]
        for key in delegates {
            let store = try AppDatabase.inMemory()
            try store.apply(all)
            authors.append(Author(key: key, store: store))
        }
        let topics = try Fixture.topicIDs(founderStore)
        var now: Int64 = 2_000

        for step in 0..<steps {
            now += Int64.random(in: 0...3, using: &rng)  // equal clocks happen: the counter and author break ties
            let author = authors[Int.random(in: 0..<authors.count, using: &rng)]
            if let change = try act(author, topics: topics, step: step, now: now, rng: &rng) {
                all.append(change)
            }
            if Int.random(in: 0..<4, using: &rng) == 0 {
                let receiver = authors[Int.random(in: 0..<authors.count, using: &rng)]
                try receiver.store.apply(all.filter { _ in Bool.random(using: &rng) })
            }
        }
        return all
    }

    static func act(_ author: Author, topics: [EntityID], step: Int, now: Int64, rng: inout SplitMix64) throws -> SignedChange? {
        let threads = try author.store.threads(topic: nil)
        let roll = Int.random(in: 0..<100, using: &rng)
        if threads.isEmpty || roll < 15 {
            let topic = topics.randomElement(using: &rng)!
            return try author.store.author(
                ops: [.threadCreate(ThreadCreate(topic: topic, title: "Thread \(step)", body: "Opening \(step) déclaration",
                                                 language: Bool.random(using: &rng) ? .en : .fr))],
                references: [topic], key: author.key, now: now)
        }
        let thread = try author.store.thread(threads.randomElement(using: &rng)!.id)
        let posts = thread.posts.filter { !$0.retracted }
        let mine = posts.filter { $0.author == author.key.feed.hex }
        if roll < 70 || mine.isEmpty, let parent = posts.randomElement(using: &rng) {
            let parentID = EntityID(hex: parent.id)!
            let threadID = EntityID(hex: thread.thread.id)!
            return try author.store.author(
                ops: [.postCreate(PostCreate(thread: threadID, parent: parentID, body: "Reply \(step) to \(parent.id.prefix(4))",
                                             language: .en, quote: roll % 3 == 0 ? "quoted" : nil))],
                references: [parentID], key: author.key, now: now)
        }
        guard let target = mine.randomElement(using: &rng).flatMap({ EntityID(hex: $0.id) }) else { return nil }
        if roll < 90 {
            return try author.store.author(ops: [.postEdit(PostEdit(post: target, body: "Edited at \(step)"))],
                                           references: [target], key: author.key, now: now)
        }
        if roll < 95 {
            return try author.store.author(ops: [.postRetract(PostRetract(post: target))],
                                           references: [target], key: author.key, now: now)
        }
        return try author.store.author(
            ops: [.memberProfile(MemberProfile(name: "Name \(step)", organisation: "Org", language: .fr))],
            references: [], key: author.key, now: now)
    }

    @Test(arguments: PropertySeeds.all.map { $0 + 1 })
    func randomDeliveryOrdersConverge(seed: UInt64) throws {
        let all = try Self.history(seed: seed, steps: 250)
        #expect(all.count > 200)
        let reference = try AppDatabase.inMemory()
        let report = try reference.apply(all)
        #expect(report.pending == 0 && report.applied == all.count)
        let expected = try reference.stateDigest()
        #expect(try reference.threads(topic: nil).count > 10)

        var rng = SplitMix64(seed: seed &* 7919)
        var rebuilds = 0
        for _ in 0..<8 {
            // A replica starts from the genesis, as a newcomer does from the folder's GROUP file.
            let replica = try AppDatabase.inMemory()
            try replica.apply([all[0]])
            var delivery = all.shuffled(using: &rng)
            delivery += all.filter { _ in Int.random(in: 0..<5, using: &rng) == 0 }
            delivery.shuffle(using: &rng)
            var index = 0
            while index < delivery.count {
                let size = Int.random(in: 1...40, using: &rng)
                let report = try replica.apply(Array(delivery[index..<min(index + size, delivery.count)]))
                if report.rebuilt { rebuilds += 1 }
                index += size
            }
            #expect(try replica.stateDigest() == expected)
            #expect(try replica.groupSummary().pending == 0)
            try replica.rebuild()
            #expect(try replica.stateDigest() == expected)
            #expect(try Fixture.ftsIsConsistent(replica))
        }
        // Delegates' changes often arrive before the grant of their role: the late-grant path ran.
        #expect(rebuilds > 0)
    }

    @Test func aRebuildEqualsTheIncrementalState() throws {
        let all = try Self.history(seed: 42, steps: 150)
        let store = try AppDatabase.inMemory()
        for change in all { try store.apply([change]) }
        let incremental = try store.stateDigest()
        try store.rebuild()
        #expect(try store.stateDigest() == incremental)
        #expect(try Fixture.log(of: store).count == all.count)
    }
}
