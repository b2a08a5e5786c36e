import Foundation
import Testing
import GRDB
import IntersessionCore
@testable import IntersessionStore

/// A removed member's later changes are kept as evidence with a reason, never applied, and no
/// longer pending: not in the report, not in the status, not read again by the next apply.
@Suite struct RemovedMemberTests {
    let secretariat = DeviceKey()
    let delegate = DeviceKey()

    func history() throws -> (removal: SignedChange, early: [SignedChange], late: [SignedChange], base: [SignedChange]) {
        let (sec, _) = try Fixture.foundedStore(by: secretariat)
        _ = try sec.author(ops: [.memberRole(MemberRole(feed: delegate.feed, role: .member, fromSeq: 1))], references: [], key: secretariat, now: 2_000)
        let topic = try #require(try Fixture.topicIDs(sec).first)
        let base = try Fixture.log(of: sec)
        let mine = try AppDatabase.inMemory()
        try mine.apply(base)
        func post(_ title: String, _ now: Int64) throws -> SignedChange {
            try mine.author(ops: [.threadCreate(ThreadCreate(topic: topic, title: title, body: "Body", language: .en))],
                            references: [topic], key: delegate, now: now)
        }
        let early = [try post("Before", 3_000)]
        try sec.apply(early)
        let removal = try sec.author(ops: [.memberRevoke(MemberRevoke(feed: delegate.feed, role: nil, lastSeq: early[0].seq,
                                                                      lastHash: early[0].hash))],
                                     references: [], key: secretariat, now: 4_000, dependsOn: [delegate.feed: early[0].seq])
        let late = [try post("After 1", 5_000), try post("After 2", 5_100), try post("After 3", 5_200)]
        return (removal, early, late, base)
    }

    static func setAside(_ store: AppDatabase) throws -> [String] {
        try store.read { db in try String.fetchAll(db, sql: "SELECT reason FROM set_aside_change ORDER BY seq") }
    }

    static func expectNothingPending(_ store: AppDatabase, report: ApplyReport) throws {
        #expect(report.pending == 0)
        #expect(try store.pendingCount() == 0)
        #expect(try store.groupSummary().pending == 0)
        #expect(try store.write { db in try ChangeApplier(db: db).loggedPending() }.isEmpty)
        #expect(try setAside(store).count == 3)
        #expect(try setAside(store).allSatisfy { $0.contains("removed") })
    }

    @Test(arguments: [false, true])
    func laterChangesLeaveThePendingQueue(removalFirst: Bool) throws {
        let (removal, early, late, base) = try history()
        let replica = try AppDatabase.inMemory()
        try replica.apply(base + early)
        // Without the last one, the others wait on a missing predecessor (or on the removal).
        let first = removalFirst ? [removal] + late.dropFirst() : Array(late.dropFirst()) + [removal]
        try replica.apply(first)
        let report = try replica.apply([late[0]])
        try Self.expectNothingPending(replica, report: report)
        #expect(try replica.threads(topic: nil).map(\.title) == ["Before"])
        // The next batch reads none of them again.
        let next = try replica.apply([])
        #expect(next.applied == 0 && next.pending == 0)
        let digest = try replica.stateDigest()
        try replica.rebuild()
        #expect(try replica.stateDigest() == digest)
        try Self.expectNothingPending(replica, report: next)
    }

    @Test func changesAppliedBeforeTheRemovalArrivedAreSetAsideByTheRebuild() throws {
        let (removal, early, late, base) = try history()
        let replica = try AppDatabase.inMemory()
        try replica.apply(base + early + late)
        #expect(try replica.threads(topic: nil).count == 4)
        let report = try replica.apply([removal])
        #expect(report.rebuilt)
        try Self.expectNothingPending(replica, report: report)
        #expect(try replica.threads(topic: nil).map(\.title) == ["Before"])
    }
}
