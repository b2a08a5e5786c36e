import Foundation
import Testing
import GRDB
import IntersessionCore
@testable import IntersessionStore

/// `whoami`'s count of the log reads the feeds' heads and the index above them, never the
/// whole log: it must still be the number of changes logged, whatever the log went through.
@Suite struct LogCountTests {
    let founder = DeviceKey()
    let delegate = DeviceKey()

    static func expectCountIsTheLog(_ store: AppDatabase, _ comment: Comment) throws {
        let logged = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM change") ?? -1 }
        #expect(try store.groupSummary().changes == logged, comment)
        try store.rebuild()
        #expect(try store.groupSummary().changes == logged, "after a rebuild: \(comment)")
    }

    func founded() throws -> (AppDatabase, [SignedChange], EntityID) {
        let (store, _) = try Fixture.foundedStore(by: founder)
        _ = try store.author(ops: [.memberRole(MemberRole(feed: delegate.feed, role: .member, fromSeq: 1))], references: [],
                             key: founder, now: 2_000)
        let topic = try #require(try Fixture.topicIDs(store).first)
        return (store, try Fixture.log(of: store), topic)
    }

    func thread(_ title: String, by key: DeviceKey, in store: AppDatabase, topic: EntityID, now: Int64) throws -> SignedChange {
        try store.author(ops: [.threadCreate(ThreadCreate(topic: topic, title: title, body: "Body", language: .en))],
                         references: [topic], key: key, now: now)
    }

    @Test func afterImportsInAnyOrderWithPendingChanges() throws {
        let (store, base, topic) = try founded()
        let theirs = try AppDatabase.inMemory()
        try theirs.apply(base)
        let posts = try (0..<5).map { try thread("T\($0)", by: delegate, in: theirs, topic: topic, now: 3_000 + Int64($0)) }
        let replica = try AppDatabase.inMemory()
        try replica.apply([base[0]])
        try Self.expectCountIsTheLog(replica, "the genesis alone")
        try replica.apply(Array(posts.suffix(3)))  // waiting for their earlier seqs and for the grant
        try Self.expectCountIsTheLog(replica, "changes pending")
        try replica.apply(Array(base.dropFirst()) + posts.prefix(2) + posts)
        try Self.expectCountIsTheLog(replica, "everything applied, with duplicates")
        try store.apply(posts.reversed())
        try Self.expectCountIsTheLog(store, "received newest first")
    }

    @Test func afterAForkFreezesAFeed() throws {
        let (store, base, topic) = try founded()
        let theirs = try AppDatabase.inMemory()
        try theirs.apply(base)
        let first = try thread("Kept", by: delegate, in: theirs, topic: topic, now: 3_000)
        let later = try thread("Later", by: delegate, in: theirs, topic: topic, now: 3_100)
        let after = try thread("After the fork point", by: delegate, in: theirs, topic: topic, now: 3_200)
        try store.apply([first, later, after])
        let variant = ChangeBody(group: base[0].hash, author: delegate.feed, seq: later.seq, prev: first.hash,
                                 hlc: HLC(millis: 3_150, counter: 0),
                                 ops: [.threadCreate(ThreadCreate(topic: topic, title: "Other", body: "B", language: .en))])
        let report = try store.apply([SignedChange(signing: variant, with: delegate)])
        #expect(report.forks.map(\.seq) == [later.seq])
        try Self.expectCountIsTheLog(store, "a feed frozen, its changes from the fork point kept")
        let more = try thread("Still signing", by: delegate, in: theirs, topic: topic, now: 3_300)
        try store.apply([more])
        try Self.expectCountIsTheLog(store, "a frozen feed's later change")
    }

    @Test func afterRejectionsAndChangesThatDoNotCount() throws {
        let (store, base, topic) = try founded()
        let stranger = DeviceKey()
        let theirs = try AppDatabase.inMemory()
        try theirs.apply(base)
        let unlinked = ChangeBody(group: base[0].hash, author: founder.feed, seq: 3, prev: base[0].hash,
                                  hlc: HLC(millis: 9_000, counter: 0),
                                  ops: [.threadCreate(ThreadCreate(topic: topic, title: "No link", body: "B", language: .en))])
        try store.apply([SignedChange(signing: unlinked, with: founder)])
        try Self.expectCountIsTheLog(store, "a change that does not link to the one before it")
        let impostor = ChangeBody(group: unlinked.group, author: stranger.feed, seq: unlinked.seq, prev: unlinked.prev,
                                  hlc: unlinked.hlc, ops: unlinked.ops)
        let forged = try SignedChange(bytes: SignedChange(signing: unlinked, with: founder).bytes,
                                      signature: SignedChange(signing: impostor, with: stranger).signature)
        try store.apply([forged])
        try Self.expectCountIsTheLog(store, "a badly signed change")
        let uninvited = ChangeBody(group: base[0].hash, author: stranger.feed, seq: 1, prev: nil, hlc: HLC(millis: 4_000, counter: 0),
                                   deps: [founder.feed: 1],
                                   ops: [.threadCreate(ThreadCreate(topic: topic, title: "No role", body: "B", language: .en))])
        try store.apply([SignedChange(signing: uninvited, with: stranger)])
        try Self.expectCountIsTheLog(store, "a change from someone without a role")
        let early = try thread("Before", by: delegate, in: theirs, topic: topic, now: 5_000)
        try store.apply([early])
        _ = try store.author(ops: [.memberRevoke(MemberRevoke(feed: delegate.feed, role: nil, lastSeq: early.seq, lastHash: early.hash))],
                             references: [], key: founder, now: 6_000, dependsOn: [delegate.feed: early.seq])
        try store.apply([try thread("After removal", by: delegate, in: theirs, topic: topic, now: 7_000)])
        try Self.expectCountIsTheLog(store, "a removed member's later change, set aside")
    }
}
