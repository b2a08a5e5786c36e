import Foundation
import GRDB
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Every limit of the DocC article "Limits" holds when a change is applied, for a change
/// crafted by hand and signed without any authoring check: an op past a content limit is
/// rejected (and kept with its reason), a change past a format limit is refused whole (and kept
/// as evidence), and the feed goes on as if it had never been signed.
@Suite struct LimitsOnApplyTests {
    let founder = DeviceKey()

    func founded() throws -> (AppDatabase, EntityID) {
        let (store, _) = try Fixture.foundedStore(by: founder)
        return (store, try #require(try Fixture.topicIDs(store).first))
    }

    /// The founder's next change, signed directly.
    func craft(_ store: AppDatabase, _ ops: [Op], deps: [FeedID: Int64] = [:]) throws -> SignedChange {
        let head = try #require(try store.feedHeads()[founder.feed])
        return SignedChange(signing: ChangeBody.next(
            group: try store.groupID(), author: founder.feed, after: head, latest: HLC(millis: 5_000, counter: 0), now: 5_000,
            deps: deps, ops: ops), with: founder)
    }

    func rejection(_ store: AppDatabase, _ op: Op) throws -> [RejectionReason] {
        try store.apply([try craft(store, [op])]).rejectedOps.map(\.reason)
    }

    func thread(_ topic: EntityID, title: String = "Title", body: String = "Body") -> Op {
        .threadCreate(ThreadCreate(topic: topic, title: title, body: body, language: .en))
    }

    @Test func aPostPastItsLimitIsRejected() throws {
        let (store, topic) = try founded()
        #expect(try rejection(store, thread(topic, body: String(repeating: "a", count: Limits.postBodyBytes))) == [])
        #expect(try rejection(store, thread(topic, body: String(repeating: "a", count: Limits.postBodyBytes + 1))) == [.invalidContent])
        #expect(try store.threads(topic: nil).count == 1)
    }

    @Test func aTitlePastItsLimitIsRejected() throws {
        let (store, topic) = try founded()
        let long = String(repeating: "t", count: Limits.titleCharacters + 1)
        #expect(try rejection(store, thread(topic, title: long)) == [.invalidContent])
        #expect(try rejection(store, .topicCreate(TopicCreate(key: "extra", title: LocalizedText(english: long, french: "Titre"), order: 9)))
                == [.invalidContent])
        #expect(try rejection(store, .topicCreate(TopicCreate(key: "extra", title: LocalizedText(english: "Extra", french: "Titre"), order: 9)))
                == [])
    }

    @Test func aNamePastItsLimitIsRejected() throws {
        let (store, _) = try founded()
        let long = String(repeating: "n", count: Limits.nameCharacters + 1)
        #expect(try rejection(store, .memberProfile(MemberProfile(name: long, organisation: "WCO", language: .en))) == [.invalidContent])
        #expect(try rejection(store, .memberProfile(MemberProfile(name: "Sec", organisation: long, language: .en))) == [.invalidContent])
        #expect(try store.members().contains { $0.name == long } == false)
    }

    @Test func aDraftEditPastTheDraftLimitIsRejected() throws {
        let (store, topic) = try founded()
        let create = try store.author(ops: [.draftCreate(DraftCreate(title: "G", topic: topic, language: .en, symbol: "WGEC/1", penholders: []))],
                                      references: [topic], key: founder, now: 3_000)
        let draft = create.entity(0)
        func edit(_ length: Int) -> Op {
            .draftEdit(DraftEdit(draft: draft, base: [:], insertions: [.init(seq: 0, left: nil, right: nil, text: String(repeating: "d", count: length))],
                                 deletions: []))
        }
        #expect(try rejection(store, edit(Limits.draftBytes + 1)) == [.invalidContent])
        #expect(try store.draft(draft.hex).text.isEmpty)
        #expect(try rejection(store, edit(Limits.draftBytes)) == [])
        #expect(try store.draft(draft.hex).text.utf8.count == Limits.draftBytes)
    }

    @Test func aChangeBodyPastItsLimitIsRefusedAndTheFeedGoesOn() throws {
        let (store, topic) = try founded()
        let head = try #require(try store.feedHeads()[founder.feed])
        let post = String(repeating: "b", count: Limits.postBodyBytes - 1024)
        let ops = (0..<(Limits.changeBodyBytes / post.utf8.count + 1)).map { _ in thread(topic, body: post) }
        let tooLarge = try craft(store, ops)
        #expect(tooLarge.bytes.count > Limits.changeBodyBytes)
        let report = try store.apply([tooLarge])
        #expect(report.applied == 0)
        #expect(report.refused.map(\.reason) == [ChangeFormatError.tooLarge(tooLarge.bytes.count).description])
        #expect(try store.feedHeads()[founder.feed] == head)
        #expect(try refusedReasons(store) == [ChangeFormatError.tooLarge(tooLarge.bytes.count).description])
        // The next change takes the same seq; whichever a replica heard first, no fork.
        let next = try craft(store, [thread(topic)])
        #expect(next.seq == tooLarge.seq)
        #expect(try store.apply([next]).applied == 1)
        for order in [[tooLarge, next], [next, tooLarge]] {
            let replica = try AppDatabase.inMemory()
            try replica.apply(try Fixture.log(of: store).filter { $0.seq < next.seq })
            try replica.apply(order)
            #expect(try replica.feedProgress()[founder.feed]?.frozenFrom == nil)
            #expect(try replica.stateDigest() == store.stateDigest())
        }
    }

    @Test func tooManyOpsAreRefusedOnApplyAndWhenAuthoring() throws {
        let (store, _) = try founded()
        let profile = Op.memberProfile(MemberProfile(name: "Sec", organisation: "WCO", language: .en))
        let crafted = try craft(store, Array(repeating: profile, count: Limits.opsPerChange + 1))
        #expect(try store.apply([crafted]).refused.map(\.reason) == ["field \"ops\" holds more than 1000 ops"])
        #expect(throws: StoreError.self) {
            try store.author(ops: Array(repeating: profile, count: Limits.opsPerChange + 1), references: [], key: founder, now: 6_000)
        }
        #expect(try store.apply([try craft(store, Array(repeating: profile, count: Limits.opsPerChange))]).applied == 1)
    }

    @Test func nestingPastItsLimitIsRefusedAsTheReaderRefusesIt() throws {
        let (store, _) = try founded()
        func nested(_ levels: Int) -> Op {
            var value = JSONValue.int(1)
            for _ in 0..<(levels - 1) { value = .array([value]) }
            return .unknown(type: "future.op", .object(["t": .string("future.op"), "x": value]))
        }
        // The body object and the ops array are two levels, the op object a third.
        let deepest = try craft(store, [nested(Limits.jsonDepth - 3)])
        let tooDeep = try craft(store, [nested(Limits.jsonDepth - 2)])
        #expect(throws: Never.self) { try SignedChange(bytes: deepest.bytes, signature: deepest.signature) }
        #expect(throws: ChangeFormatError.self) { try SignedChange(bytes: tooDeep.bytes, signature: tooDeep.signature) }
        #expect(try store.apply([tooDeep]).refused.map(\.reason) == ["invalid JSON at byte 0: nested too deeply"])
        let report = try store.apply([deepest])
        #expect(report.applied == 1 && report.rejectedOps.map(\.reason) == [.unsupportedOp])
        // The log can always be read back: a rebuild does not trip on what was applied.
        try store.rebuild()
    }

    func refusedReasons(_ store: AppDatabase) throws -> [String] {
        try store.read { db in try String.fetchAll(db, sql: "SELECT reason FROM refused_change ORDER BY seq") }
    }
}
