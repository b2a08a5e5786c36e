import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Grants, revocations and removals racing with posts and moderation: replicas that receive
/// the same changes in any order, in any batches, hold the same state, equal to a rebuild.
@Suite struct AuthorityConvergenceTests {
    struct Person {
        let key: DeviceKey
        let store: AppDatabase
    }

    static func history(seed: UInt64, steps: Int) throws -> [SignedChange] {
        var rng = SplitMix64(seed: seed)
        let founderKey = DeviceKey()
        let (founderStore, genesis) = try Fixture.foundedStore(by: founderKey)
        var all = [genesis]
        let others = (0..<4).map { _ in DeviceKey() }
        all.append(try founderStore.author(
            ops: [.memberRole(MemberRole(feed: others[0].feed, role: .cochair, fromSeq: 1))]
                + others.dropFirst().map { .memberRole(MemberRole(feed: $0.feed, role: .member, fromSeq: 1)) },
            references: [], key: founderKey, now: 1_001))
        var people = [Person(key: founderKey, store: founderStore)]
        for key in others {
            let store = try AppDatabase.inMemory()
            try store.apply(all)
            people.append(Person(key: key, store: store))
        }
        let topics = try Fixture.topicIDs(founderStore)
        var now: Int64 = 2_000
        for step in 0..<steps {
            now += Int64.random(in: 0...3, using: &rng)
            let person = people[Int.random(in: 0..<people.count, using: &rng)]
            if let op = try action(for: person, others: others, topics: topics, step: step, rng: &rng) {
                // Some attempts are refused here (a revoked role, a locked thread): that is the point.
                if let change = try? person.store.author(ops: [op.op], references: op.references, key: person.key, now: now,
                                                         dependsOn: op.deps) {
                    all.append(change)
                }
            }
            if Int.random(in: 0..<3, using: &rng) == 0 {
                let receiver = people[Int.random(in: 0..<people.count, using: &rng)]
                try receiver.store.apply(all.filter { _ in Bool.random(using: &rng) })
            }
        }
        return all
    }

    static func action(for person: Person, others: [DeviceKey], topics: [EntityID], step: Int, rng: inout SplitMix64) throws
        -> (op: Op, references: [EntityID], deps: [FeedID: Int64])?
    {
        let threads = try person.store.threads(topic: nil)
        let roll = Int.random(in: 0..<100, using: &rng)
        let target = others.randomElement(using: &rng)!
        let head = try person.store.feedProgress()[target.feed]?.head ?? 0
        switch roll {
        case 0..<6:
            return (.memberRevoke(MemberRevoke(feed: target.feed, role: Bool.random(using: &rng) ? nil : .member, lastSeq: head,
                                               lastHash: nil)), [], head > 0 ? [target.feed: head] : [:])
        case 6..<10:
            return (.memberRole(MemberRole(feed: target.feed, role: [.member, .cochair].randomElement(using: &rng)!,
                                           fromSeq: head + 1)), [], head > 0 ? [target.feed: head] : [:])
        case 10..<25 where !threads.isEmpty:
            let thread = EntityID(hex: threads.randomElement(using: &rng)!.id)!
            let actions: [Moderation.Action] = [
                .hide(post: thread, reason: "reason \(step)"), .unhide(post: thread), .pin(thread: thread, pinned: Bool.random(using: &rng)),
                .lock(thread: thread, frontier: try person.store.feedProgress().filter { $0.value.head > 0 }.mapValues(\.head)),
                .unlock(thread: thread), .rename(thread: thread, title: "Renamed \(step)"),
                .move(thread: thread, topic: topics.randomElement(using: &rng)!), .mark(post: thread, mark: .decision),
            ]
            let action = actions.randomElement(using: &rng)!
            var references = [thread]
            if case .move(_, let topic) = action { references.append(topic) }
            var deps: [FeedID: Int64] = [:]
            if case .lock(_, let frontier) = action { deps = frontier }
            return (.moderation(Moderation(action)), references, deps)
        case 25..<45:
            let topic = topics.randomElement(using: &rng)!
            return (.threadCreate(ThreadCreate(topic: topic, title: "Thread \(step)", body: "Body \(step)", language: .en)), [topic], [:])
        default:
            guard let summary = threads.randomElement(using: &rng) else { return nil }
            let thread = try person.store.thread(summary.id)
            let parent = EntityID(hex: thread.posts.randomElement(using: &rng)!.id)!
            return (.postCreate(PostCreate(thread: EntityID(hex: summary.id)!, parent: parent, body: "Reply \(step)", language: .fr)),
                    [parent], [:])
        }
    }

    @Test(arguments: [21, 23, 24, 25] as [UInt64])
    func rolesAndModerationConverge(seed: UInt64) throws {
        let all = try Self.history(seed: seed, steps: 220)
        let reference = try AppDatabase.inMemory()
        try reference.apply(all)
        let expected = try reference.stateDigest()
        let audit = try reference.auditLog()
        #expect(audit.contains { $0.action == "member.revoke" || $0.action == "member.remove" })
        #expect(audit.contains { $0.action == "thread.lock" })
        #expect(audit.contains { !$0.counted })
        var rng = SplitMix64(seed: seed &* 31)
        for _ in 0..<6 {
            let replica = try AppDatabase.inMemory()
            try replica.apply([all[0]])
            var delivery = all.dropFirst().shuffled(using: &rng)
            delivery += all.filter { _ in Int.random(in: 0..<6, using: &rng) == 0 }
            var index = 0
            while index < delivery.count {
                let size = Int.random(in: 1...30, using: &rng)
                try replica.apply(Array(delivery[index..<min(index + size, delivery.count)]))
                index += size
            }
            #expect(try replica.stateDigest() == expected)
            try replica.rebuild()
            #expect(try replica.stateDigest() == expected)
        }
        try reference.rebuild()
        #expect(try reference.stateDigest() == expected)
    }
}
