import Foundation
import GRDB
import Testing
import IntersessionCore
@testable import IntersessionStore

/// A draft's stored state (blame and paragraphs, kept as edits apply): it opens as the replay of
/// its edits does when an edit arrives after later ones, and a store made before v13 gets it.
@Suite struct DraftStateTests {
    let secretariat = DeviceKey()
    let penA = DeviceKey()
    let penB = DeviceKey()

    static let original = "# Title\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph."

    /// A store with a draft both penholders edited without seeing each other (B on a replica of
    /// its own, with an earlier clock), and their changes; the store holds both.
    func history(in store: AppDatabase) throws -> (draft: String, a: SignedChange, b: SignedChange) {
        _ = try store.author(
            ops: [.memberRole(MemberRole(feed: penA.feed, role: .member, fromSeq: 1)),
                  .memberRole(MemberRole(feed: penB.feed, role: .member, fromSeq: 1))],
            references: [], key: secretariat, now: 2_000)
        let topic = try #require(try Fixture.topicIDs(store).first)
        let draft = try store.author(ops: [.draftCreate(DraftCreate(
            title: "Guidelines", topic: topic, language: .en, symbol: "WGEC/2026/4", penholders: [penA.feed, penB.feed]))],
            references: [topic], key: secretariat, now: 3_000).entity(0).hex
        try store.saveDraft(draft, text: Self.original, key: secretariat, now: 3_100)
        let replicaB = try AppDatabase.inMemory()
        try replicaB.apply(try Fixture.log(of: store))
        let a = try #require(try store.saveDraft(draft, text: Self.original.replacingOccurrences(of: "First", with: "1st"),
                                                 key: penA, now: 4_000))
        let textB = Self.original.replacingOccurrences(of: "First paragraph", with: "First para")
            .replacingOccurrences(of: "Third", with: "3rd")
        let b = try #require(try replicaB.saveDraft(draft, text: textB, key: penB, now: 3_900))
        try store.apply([b])
        return (draft, a, b)
    }

    /// B's edit has the earlier clock but arrives last: the last change of a paragraph is the
    /// later by clock, as in the replay, not the later to arrive.
    @Test func anEditWithAnEarlierClockArrivingLastOpensAsTheReplay() throws {
        let (origin, _) = try Fixture.foundedStore(by: secretariat)
        let (draft, a, b) = try history(in: origin)
        #expect(b.body.hlc < a.body.hlc)
        // An amendment to the third paragraph, which B's edit changed (it waits for B's edit).
        let crdt = try origin.draftText(draft)
        let third = try #require(Paragraphs.split(crdt.text).last?.range)
        let amendment = try origin.author(ops: [.amendPropose(AmendPropose(
            draft: EntityID(hex: draft)!, kind: .replace, from: crdt.anchor(at: third.upperBound - 1), to: crdt.anchor(at: third.upperBound - 1),
            text: "!", rationale: "Emphasis."))], references: [EntityID(hex: draft)!], key: secretariat, now: 4_500)
        let log = try Fixture.log(of: origin)
        let replica = try AppDatabase.inMemory()
        try replica.apply(log.filter { $0.hash != b.hash })
        try replica.apply([b])
        let opened = try replica.draft(draft)
        #expect(opened == (try replica.draft(draft, reading: .replayed)))
        #expect(opened == (try origin.draft(draft)))
        #expect(opened.paragraphs.map(\.concurrentEdits) == [false, true, false, false])
        #expect(opened.paragraphs[1].lastChanged == a.body.hlc.millis && opened.paragraphs[3].lastChanged == b.body.hlc.millis)
        #expect(opened.paragraphs[1].text == "1st para.")
        #expect(opened.paragraphs[3].openAmendments == [amendment.entity(0).hex])
        #expect(try replica.amendments(of: draft).map(\.original) == ["."])
    }

    /// A penholder signs two different saves for one seq: the feed is frozen from there, the
    /// store rebuilds, and the stored paragraphs no longer hold either save, as the replay.
    @Test func aForkedPenholdersEditsStopCountingInTheStoredState() throws {
        let (origin, _) = try Fixture.foundedStore(by: secretariat)
        let (draft, _, _) = try history(in: origin)
        let twin = try AppDatabase.inMemory()
        try twin.apply(try Fixture.log(of: origin))
        let text = try origin.draft(draft).text
        let one = try #require(try origin.saveDraft(draft, text: text + "\n\nOne side.", key: penA, now: 5_000))
        let other = try #require(try twin.saveDraft(draft, text: text.replacingOccurrences(of: "Second", with: "Other"), key: penA, now: 5_000))
        #expect(one.seq == other.seq && one.hash != other.hash)
        #expect(try origin.draft(draft).paragraphs.count == 5)
        try origin.apply([other])
        let opened = try origin.draft(draft)
        #expect(opened == (try origin.draft(draft, reading: .replayed)))
        #expect(opened.text == text && opened.paragraphs.count == 4)
        #expect(opened.paragraphs.allSatisfy { $0.lastChanged.map { $0 < 5_000 } ?? true })
    }

    @Test func aStoreMadeBeforeV13GetsItsDraftsStoredState() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        var expected: DraftDetail?
        var rows: [String] = []
        var draft = ""
        do {
            let store = try AppDatabase.create(path: path)
            _ = try store.createGroup(ops: Fixture.wgec.genesisOps(title: nil, founder: MemberProfile(name: "Sec", organisation: "WCO",
                                                                                                      language: .en)),
                                      key: secretariat, now: 1_000)
            draft = try history(in: store).draft
            expected = try store.draft(draft)
            rows = try Self.stateRows(store)
            // The store as v12 left it: the same tables but the stored state's, and v13 not run.
            try store.write { db in
                try db.execute(sql: """
                    DROP TABLE draft_block; DROP TABLE draft_blame; DROP TABLE draft_anchor; DELETE FROM grdb_migrations WHERE identifier = 'v13-draft-state'
                    """)
            }
        }
        // The migration alone fills the rows the applier wrote.
        let copy = folder.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let queue = try DatabaseQueue(path: copy)
        #expect(try queue.read { db in try db.tableExists("draft_block") } == false)
        try Schema.migrator.migrate(queue)
        #expect(try Self.stateRows(AppDatabase(writer: queue, path: copy)) == rows)
        // Opening the store migrates it; the draft opens as before.
        let reopened = try AppDatabase.open(path: path)
        #expect(try reopened.draft(draft) == expected)
        #expect(try reopened.draft(draft, reading: .replayed) == expected)
        #expect(try Self.stateRows(reopened) == rows)
    }

    static func stateRows(_ store: AppDatabase) throws -> [String] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM draft_block ORDER BY draft, position").map { "\($0)" }
                + Row.fetchAll(db, sql: "SELECT * FROM draft_blame ORDER BY draft").map { "\($0)" }
        }
    }
}
