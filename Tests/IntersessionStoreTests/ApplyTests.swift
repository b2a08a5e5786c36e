import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

@Suite struct ApplyTests {
    let founder = DeviceKey()
    let delegate = DeviceKey()

    /// The founder's store, with `delegate` granted the member role, and every change made.
    func groupWithDelegate() throws -> (AppDatabase, [SignedChange]) {
        let (store, genesis) = try Fixture.foundedStore(by: founder)
        let grant = try store.author(
            ops: [.memberRole(MemberRole(feed: delegate.feed, role: .member, fromSeq: 1))], references: [],
            key: founder, now: 2_000)
        return (store, [genesis, grant])
    }

    @Test func aReplyWaitsForItsThreadThenApplies() throws {
        let (store, base) = try groupWithDelegate()
        let topic = try Fixture.topicIDs(store)[0]
        let thread = try store.author(
            ops: [.threadCreate(ThreadCreate(topic: topic, title: "T", body: "B", language: .en))],
            references: [topic], key: founder, now: 3_000)
        let replica = try AppDatabase.inMemory()
        try replica.apply(base)
        let delegateStore = try AppDatabase.inMemory()
        try delegateStore.apply(base + [thread])
        let reply = try delegateStore.author(
            ops: [.postCreate(PostCreate(thread: thread.entity(0), parent: thread.entity(0), body: "R", language: .fr))],
            references: [thread.entity(0)], key: delegate, now: 4_000)
        #expect(reply.body.deps == [founder.feed: thread.seq])

        let early = try replica.apply([reply])
        #expect(early.pending == 1 && early.applied == 0)
        #expect(try replica.groupSummary().pending == 1)
        let late = try replica.apply([thread])
        #expect(late.applied == 2 && late.pending == 0)
        #expect(try replica.thread(thread.entity(0).hex).posts.map(\.body) == ["B", "R"])
        #expect(try replica.stateDigest() == delegateStore.stateDigest())
    }

    @Test func duplicatesChangeNothing() throws {
        let (store, base) = try groupWithDelegate()
        let digest = try store.stateDigest()
        let report = try store.apply(base + base)
        #expect(report.duplicates == 4 && report.applied == 0)
        #expect(try store.stateDigest() == digest)
    }

    @Test func aForkFreezesTheFeedFromTheForkPoint() throws {
        let (store, base) = try groupWithDelegate()
        let forked = ChangeBody(
            group: base[0].hash, author: founder.feed, seq: 2, prev: base[0].hash, hlc: HLC(millis: 2_500, counter: 0),
            ops: [.memberRole(MemberRole(feed: delegate.feed, role: .cochair, fromSeq: 1))])
        let report = try store.apply([SignedChange(signing: forked, with: founder)])
        #expect(report.forks.map(\.seq) == [2] && report.applied == 0 && report.refused.count == 1)
        // The founder's changes from seq 2 stop counting: the delegate's grant is gone.
        #expect(try store.members().first { $0.feed == delegate.feed.hex } == nil)
        #expect(try store.members().first { $0.feed == founder.feed.hex }?.roles == ["secretariat"])
        // Both variants are kept: the logged one, and the other as evidence.
        #expect(try Fixture.log(of: store).count == 2)
        let replica = try AppDatabase.inMemory()
        try replica.apply(base)
        try replica.apply([SignedChange(signing: forked, with: founder)])
        #expect(try replica.stateDigest() == store.stateDigest())
    }

    @Test func aBadlySignedVariantIsEvidenceButFreezesNothing() throws {
        let (store, base) = try groupWithDelegate()
        let digest = try store.stateDigest()
        let forged = ChangeBody(
            group: base[0].hash, author: founder.feed, seq: 2, prev: base[0].hash, hlc: HLC(millis: 2_500, counter: 0),
            ops: [.memberRole(MemberRole(feed: delegate.feed, role: .cochair, fromSeq: 1))])
        let impostor = SignedChange(signing: ChangeBody(
            group: forged.group, author: delegate.feed, seq: 2, prev: forged.prev, hlc: forged.hlc, ops: forged.ops), with: delegate)
        let bytes = SignedChange(signing: forged, with: founder).bytes
        let report = try store.apply([try SignedChange(bytes: bytes, signature: impostor.signature)])
        #expect(report.forks.isEmpty && report.refused.count == 1)
        #expect(try store.stateDigest() == digest)
    }

    @Test func aChangeOfAnotherGroupIsIgnored() throws {
        let (store, _) = try groupWithDelegate()
        let (_, otherGenesis) = try Fixture.foundedStore(by: DeviceKey())
        let report = try store.apply([otherGenesis])
        #expect(report.wrongGroup == 1 && report.applied == 0)
    }

    @Test func aDelegateCannotGrantOrCreateTopics() throws {
        let (store, base) = try groupWithDelegate()
        let delegateStore = try AppDatabase.inMemory()
        try delegateStore.apply(base)
        #expect(throws: StoreError.refused(.notAuthorised)) {
            try delegateStore.author(
                ops: [.memberRole(MemberRole(feed: delegate.feed, role: .secretariat, fromSeq: 1))], references: [],
                key: delegate, now: 5_000)
        }
        #expect(throws: StoreError.refused(.notAuthorised)) {
            try delegateStore.author(
                ops: [.topicCreate(TopicCreate(key: "x", title: LocalizedText(english: "X", french: nil), order: 10))],
                references: [], key: delegate, now: 5_000)
        }
        // Nothing was written: the delegate's feed is still empty.
        #expect(try Fixture.log(of: delegateStore).count == base.count)
        #expect(try store.members().first { $0.feed == delegate.feed.hex }?.roles == ["member"])
    }

    @Test func onlyTheAuthorEditsOrRetracts() throws {
        let (store, base) = try groupWithDelegate()
        let topic = try Fixture.topicIDs(store)[1]
        let thread = try store.author(
            ops: [.threadCreate(ThreadCreate(topic: topic, title: "T", body: "B", language: .en))],
            references: [topic], key: founder, now: 3_000)
        let delegateStore = try AppDatabase.inMemory()
        try delegateStore.apply(base + [thread])
        #expect(throws: StoreError.refused(.notAuthor)) {
            try delegateStore.author(ops: [.postEdit(PostEdit(post: thread.entity(0), body: "mine now"))],
                                     references: [thread.entity(0)], key: delegate, now: 4_000)
        }
        #expect(throws: StoreError.refused(.notAuthor)) {
            try delegateStore.author(ops: [.postRetract(PostRetract(post: thread.entity(0)))],
                                     references: [thread.entity(0)], key: delegate, now: 4_000)
        }
    }

    @Test func aChangeFromSomeoneWithoutARoleIsKeptButDoesNotCount() throws {
        let (store, base) = try groupWithDelegate()
        let stranger = DeviceKey()
        let topic = try Fixture.topicIDs(store)[0]
        let body = ChangeBody(
            group: base[0].hash, author: stranger.feed, seq: 1, prev: nil, hlc: HLC(millis: 9_000, counter: 0),
            deps: [founder.feed: 1], ops: [.threadCreate(ThreadCreate(topic: topic, title: "Spam", body: "x", language: .en))])
        let report = try store.apply([SignedChange(signing: body, with: stranger)])
        #expect(report.applied == 1 && report.rejectedOps.map(\.reason) == [.notAuthorised])
        #expect(try store.threads(topic: nil).isEmpty)
    }

    @Test func aRoleGrantedAfterTheHoldersChangesArrivedCountsThemAfterAll() throws {
        let (store, base) = try groupWithDelegate()
        let topic = try Fixture.topicIDs(store)[0]
        let delegateStore = try AppDatabase.inMemory()
        try delegateStore.apply(base)
        let thread = try delegateStore.author(
            ops: [.threadCreate(ThreadCreate(topic: topic, title: "Mine", body: "B", language: .en))],
            references: [topic], key: delegate, now: 6_000)
        let replica = try AppDatabase.inMemory()
        try replica.apply([base[0], thread])
        #expect(try replica.threads(topic: nil).isEmpty)
        let report = try replica.apply([base[1]])
        #expect(report.rebuilt)
        #expect(try replica.threads(topic: nil).map(\.title) == ["Mine"])
        #expect(try replica.stateDigest() == delegateStore.stateDigest())
    }

    @Test func editsKeepHistoryAndSearchFollowsTheCurrentText() throws {
        let (store, _) = try Fixture.foundedStore(by: founder)
        let topic = try Fixture.topicIDs(store)[0]
        let thread = try store.author(
            ops: [.threadCreate(ThreadCreate(topic: topic, title: "T", body: "parcels déclarations", language: .fr))],
            references: [topic], key: founder, now: 3_000)
        let post = thread.entity(0)
        _ = try store.author(ops: [.postEdit(PostEdit(post: post, body: "consignments"))], references: [post], key: founder, now: 4_000)
        #expect(try store.history(ofPost: post.hex).map(\.body) == ["parcels déclarations", "consignments"])
        #expect(try store.search("parcels").isEmpty)
        #expect(try store.search("consignment*").map(\.post) == [post.hex])
        _ = try store.author(ops: [.postRetract(PostRetract(post: post))], references: [post], key: founder, now: 5_000)
        #expect(try store.search("consignments").isEmpty)
        #expect(try store.thread(post.hex).posts.first?.retracted == true)
        #expect(try Fixture.ftsIsConsistent(store))
    }

    @Test func idPrefixesResolveOrSayWhy() throws {
        let (store, _) = try Fixture.foundedStore(by: founder)
        let topics = try store.topics()
        #expect(try store.resolve("flows", as: .topic) == topics[0].id)
        #expect(try store.resolve(String(topics[3].id.prefix(10)), as: .topic) == topics[3].id)
        #expect(throws: StoreError.notFound(kind: "topic", prefix: "zz")) { try store.resolve("zz", as: .topic) }
        let grouped = Dictionary(grouping: topics.map(\.id), by: { $0.prefix(1) })
        if let (prefix, ids) = grouped.first(where: { $0.value.count > 1 }) {
            #expect(throws: StoreError.ambiguous(kind: "topic", prefix: String(prefix), count: ids.count)) {
                try store.resolve(String(prefix), as: .topic)
            }
        }
    }
}
