import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Who may do what, decided the same way on every replica whatever the order of delivery.
@Suite struct ModerationTests {
    let founder = DeviceKey()
    let cochair = DeviceKey()
    let delegate = DeviceKey()

    /// A group with a co-chair and a delegate, a thread by the delegate; every change made.
    func group() throws -> (AppDatabase, [SignedChange], thread: SignedChange) {
        let (store, genesis) = try Fixture.foundedStore(by: founder)
        let grants = try store.author(ops: [
            .memberRole(MemberRole(feed: cochair.feed, role: .cochair, fromSeq: 1)),
            .memberRole(MemberRole(feed: delegate.feed, role: .member, fromSeq: 1)),
        ], references: [], key: founder, now: 2_000)
        let topic = try Fixture.topicIDs(store)[0]
        let delegateStore = try AppDatabase.inMemory()
        try delegateStore.apply([genesis, grants])
        let thread = try delegateStore.author(
            ops: [.threadCreate(ThreadCreate(topic: topic, title: "Parcels", body: "Figures?", language: .en))],
            references: [topic], key: delegate, now: 3_000)
        try store.apply([thread])
        return (store, [genesis, grants, thread], thread)
    }

    func replica(_ changes: [SignedChange]) throws -> AppDatabase {
        let store = try AppDatabase.inMemory()
        try store.apply(changes)
        return store
    }

    /// Every order of `changes` after the genesis gives the digest of the first order.
    func convergesInEveryOrder(_ changes: [SignedChange], seed: UInt64 = 7, orders: Int = 24) throws -> AppDatabase {
        let reference = try replica(changes)
        var rng = SplitMix64(seed: seed)
        for _ in 0..<orders {
            let store = try replica([changes[0]])
            for change in changes.dropFirst().shuffled(using: &rng) { try store.apply([change]) }
            #expect(try store.stateDigest() == reference.stateDigest())
            try store.rebuild()
            #expect(try store.stateDigest() == reference.stateDigest())
        }
        return reference
    }

    @Test func aDelegateCannotHideLockOrGrant() throws {
        let (_, base, thread) = try group()
        let delegateStore = try replica(base)
        let post = thread.entity(0)
        for op: Op in [.moderation(Moderation(.hide(post: post, reason: "no"))),
                       .moderation(Moderation(.lock(thread: post, frontier: [:]))),
                       .memberRole(MemberRole(feed: delegate.feed, role: .cochair, fromSeq: 1))] {
            #expect(throws: StoreError.refused(.notAuthorised)) {
                try delegateStore.author(ops: [op], references: [post], key: delegate, now: 5_000)
            }
        }
        // Signed anyway by a modified client, the attempt is kept but counts nowhere.
        let forged = SignedChange(signing: ChangeBody(
            group: base[0].hash, author: delegate.feed, seq: 2, prev: thread.hash, hlc: HLC(millis: 6_000, counter: 0),
            ops: [.moderation(Moderation(.hide(post: post, reason: "mine")))]), with: delegate)
        let store = try convergesInEveryOrder(base + [forged])
        #expect(try store.thread(post.hex).posts[0].hiddenReason == nil)
        #expect(try store.auditLog().contains { !$0.counted && $0.action == "post.hide" })
    }

    @Test func aCochairHidesAndEveryReplicaAgrees() throws {
        let (store, base, thread) = try group()
        let cochairStore = try replica(base)
        let post = thread.entity(0)
        let hide = try cochairStore.author(ops: [.moderation(Moderation(.hide(post: post, reason: "Off topic")))],
                                           references: [post], key: cochair, now: 4_000)
        let unhideEarlier = SignedChange(signing: ChangeBody(
            group: base[0].hash, author: founder.feed, seq: 3, prev: base[1].hash, hlc: HLC(millis: 3_500, counter: 0),
            deps: [delegate.feed: 1], ops: [.moderation(Moderation(.unhide(post: post)))]), with: founder)
        _ = store
        let result = try convergesInEveryOrder(base + [hide, unhideEarlier])
        // The later stamp wins: hidden.
        #expect(try result.thread(post.hex).posts[0].hiddenReason == "Off topic")
        #expect(try result.thread(post.hex).posts[0].redacted(forModerator: false).body == "")
        #expect(try result.search("Figures").isEmpty)
    }

    @Test func aLockKeepsRepliesInsideItsFrontierAndRefusesLaterOnes() throws {
        let (_, base, thread) = try group()
        let root = thread.entity(0)
        let delegateStore = try replica(base)
        let early = try delegateStore.author(
            ops: [.postCreate(PostCreate(thread: root, parent: root, body: "Before the lock", language: .en))],
            references: [root], key: delegate, now: 4_000)
        let cochairStore = try replica(base + [early])
        let lock = try cochairStore.author(
            ops: [.moderation(Moderation(.lock(thread: root, frontier: [delegate.feed: early.seq])))],
            references: [root], key: cochair, now: 5_000, dependsOn: [delegate.feed: early.seq])
        // Offline, the delegate replies again without having seen the lock.
        let late = try delegateStore.author(
            ops: [.postCreate(PostCreate(thread: root, parent: root, body: "After the lock", language: .en))],
            references: [root], key: delegate, now: 6_000)
        let result = try convergesInEveryOrder(base + [early, lock, late])
        let bodies = try result.thread(root.hex).posts.map(\.body)
        #expect(bodies.contains("Before the lock"))
        #expect(!bodies.contains("After the lock"))
        #expect(try result.thread(root.hex).thread.locked)
    }

    @Test func aRemovedMembersLaterChangesNeverAppear() throws {
        let (_, base, thread) = try group()
        let root = thread.entity(0)
        let founderStore = try replica(base)
        let removal = try founderStore.author(
            ops: [.memberRevoke(MemberRevoke(feed: delegate.feed, role: nil, lastSeq: thread.seq, lastHash: thread.hash))],
            references: [], key: founder, now: 7_000, dependsOn: [delegate.feed: thread.seq])
        let delegateStore = try replica(base)
        // Signed later, but stamped earlier than the removal: the clock changes nothing.
        let after = try delegateStore.author(
            ops: [.postCreate(PostCreate(thread: root, parent: root, body: "Still here?", language: .en))],
            references: [root], key: delegate, now: 1_000)
        let result = try convergesInEveryOrder(base + [removal, after])
        #expect(try result.thread(root.hex).posts.map(\.body) == ["Figures?"])
        #expect(try result.members().first { $0.feed == delegate.feed.hex }?.roles == [])
    }

    @Test func aRevokedCochairsLaterModerationDoesNotCount() throws {
        let (_, base, thread) = try group()
        let post = thread.entity(0)
        let cochairStore = try replica(base)
        let pin = try cochairStore.author(ops: [.moderation(Moderation(.pin(thread: post, pinned: true)))],
                                          references: [post], key: cochair, now: 4_000)
        let founderStore = try replica(base)
        let revoke = try founderStore.author(
            ops: [.memberRevoke(MemberRevoke(feed: cochair.feed, role: .cochair, lastSeq: 0, lastHash: nil))],
            references: [], key: founder, now: 3_500)
        let result = try convergesInEveryOrder(base + [pin, revoke])
        #expect(try result.threads(topic: nil).first?.pinned == false)
    }

    @Test func movesAndRenamesKeepTheLatest() throws {
        let (store, base, thread) = try group()
        let post = thread.entity(0)
        let topics = try Fixture.topicIDs(store)
        let cochairStore = try replica(base)
        let move = try cochairStore.author(ops: [.moderation(Moderation(.move(thread: post, topic: topics[3])))],
                                           references: [post, topics[3]], key: cochair, now: 4_000)
        let rename = try cochairStore.author(ops: [.moderation(Moderation(.rename(thread: post, title: "Parcel data")))],
                                             references: [post], key: cochair, now: 4_100)
        let founderStore = try replica(base)
        let renameEarlier = try founderStore.author(ops: [.moderation(Moderation(.rename(thread: post, title: "Old name")))],
                                                    references: [post], key: founder, now: 4_050)
        let result = try convergesInEveryOrder(base + [move, rename, renameEarlier])
        let summary = try result.threads(topic: nil).first
        #expect(summary?.topic == topics[3].hex)
        #expect(summary?.title == "Parcel data")
    }
}
