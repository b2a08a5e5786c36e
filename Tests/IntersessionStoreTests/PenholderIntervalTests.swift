import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Penholders by feed interval: a removed penholder's later edit, citing the base it had before
/// the removal, never counts, on any replica, in any order of delivery; nor does their later
/// acceptance of an amendment. Their edits before the removal stay.
@Suite struct PenholderIntervalTests {
    let secretariat = DeviceKey()
    let pen = DeviceKey()
    let delegate = DeviceKey()

    static let original = "Customs should exchange data.\n\nMembers should publish thresholds.\n"

    @Test func aRemovedPenholdersEditCitingTheOldBaseNeverCounts() throws {
        let (sec, _) = try Fixture.foundedStore(by: secretariat)
        _ = try sec.author(ops: [.memberRole(MemberRole(feed: pen.feed, role: .member, fromSeq: 1)),
                                 .memberRole(MemberRole(feed: delegate.feed, role: .member, fromSeq: 1))],
                           references: [], key: secretariat, now: 2_000)
        let topic = try #require(try Fixture.topicIDs(sec).first)
        let create = try sec.author(ops: [.draftCreate(DraftCreate(title: "Guidelines", topic: topic, language: .en, symbol: "WGEC/1",
                                                                   penholders: [pen.feed]))],
                                    references: [topic], key: secretariat, now: 3_000)
        let draft = create.entity(0)
        try sec.saveDraft(draft.hex, text: Self.original, key: secretariat, now: 3_100)
        let penStore = try AppDatabase.inMemory()
        try penStore.apply(try Fixture.log(of: sec))
        #expect(try penStore.penholders(ofDraft: draft) == [pen.feed])

        // Before the removal: counts everywhere.
        try penStore.saveDraft(draft.hex, text: Self.original.replacingOccurrences(of: "data", with: "advance data"), key: pen, now: 4_000)
        let delegateStore = try AppDatabase.inMemory()
        try delegateStore.apply(try Fixture.log(of: penStore))
        let amendment = try propose(in: delegateStore, draft: draft, replacing: "thresholds", with: "thresholds yearly", now: 4_100)
        try penStore.apply([amendment])
        try sec.apply(try Fixture.log(of: penStore))

        // The secretariat takes the pen away after the edit it has seen.
        let change = try sec.penholderChange(draft: draft, to: [])
        #expect(change.op.removals.map(\.feed) == [pen.feed])
        let removal = try sec.author(ops: [.draftPenholders(change.op)], references: [draft], key: secretariat, now: 5_000,
                                     dependsOn: change.dependsOn)
        #expect(try sec.penholders(ofDraft: draft).isEmpty)

        // The former penholder, not having seen it, edits again on the old base and accepts the amendment.
        let lateEdit = try #require(try penStore.saveDraft(draft.hex, text: try penStore.draft(draft.hex).text + "\nA late paragraph.\n",
                                                           key: pen, now: 6_000))
        #expect(lateEdit.body.deps[secretariat.feed] ?? 0 < removal.seq)
        let (amended, amendedText) = try penStore.textWithAmendment(amendment.entity(0).hex)
        let applying = try penStore.draftEdit(amended, text: amendedText, by: pen.feed)
        _ = try? penStore.author(ops: (applying.map { [Op.draftEdit($0)] } ?? []) + [.amendDecide(AmendDecide(amendment: amendment.entity(0), accepted: true, reason: nil))],
                                 key: pen, now: 6_100)

        let all = try Fixture.log(of: sec) + Fixture.log(of: penStore) + [amendment]
        var rng = SplitMix64(seed: 77)
        var digests: Set<String> = []
        for round in 0..<10 {
            let replica = round == 0 ? penStore : try AppDatabase.inMemory()
            if round > 0 { try replica.apply(all.filter(\.body.isGenesis)) }
            let shuffled = all.shuffled(using: &rng)
            for batch in stride(from: 0, to: shuffled.count, by: 2) { try replica.apply(Array(shuffled[batch..<min(batch + 2, shuffled.count)])) }
            let text = try replica.draft(draft.hex).text
            #expect(text.contains("advance data"))
            #expect(!text.contains("A late paragraph"))
            #expect(!text.contains("thresholds yearly"))
            #expect(try replica.amendments(of: draft.hex).first?.status == "open")
            #expect(try replica.penholders(ofDraft: draft).isEmpty)
            #expect(try replica.draft(draft.hex).penholders.isEmpty)
            let digest = try replica.stateDigest()
            try replica.rebuild()
            #expect(try replica.stateDigest() == digest)
            digests.insert(digest)
        }
        #expect(digests.count == 1)
    }

    @Test func aPenholderAddedLaterCountsFromTheirSeq() throws {
        let (sec, _) = try Fixture.foundedStore(by: secretariat)
        _ = try sec.author(ops: [.memberRole(MemberRole(feed: pen.feed, role: .member, fromSeq: 1))], references: [], key: secretariat, now: 2_000)
        let topic = try #require(try Fixture.topicIDs(sec).first)
        let draft = try sec.author(ops: [.draftCreate(DraftCreate(title: "G", topic: topic, language: .en, symbol: "S/1", penholders: []))],
                                   references: [topic], key: secretariat, now: 3_000).entity(0)
        let penStore = try AppDatabase.inMemory()
        try penStore.apply(try Fixture.log(of: sec))
        #expect(throws: StoreError.refused(.notPenholder)) {
            try penStore.saveDraft(draft.hex, text: "Not yet.", key: pen, now: 3_500)
        }
        let change = try sec.penholderChange(draft: draft, to: [pen.feed])
        #expect(change.op.additions == [.init(feed: pen.feed, fromSeq: 1)])
        _ = try sec.author(ops: [.draftPenholders(change.op)], references: [draft], key: secretariat, now: 4_000)
        try penStore.apply(try Fixture.log(of: sec))
        try penStore.saveDraft(draft.hex, text: "Now.", key: pen, now: 4_500)
        try sec.apply(try Fixture.log(of: penStore))
        #expect(try sec.draft(draft.hex).text == "Now.")
        #expect(try sec.penholders(ofDraft: draft) == [pen.feed])
    }

    private func propose(in store: AppDatabase, draft: EntityID, replacing word: String, with replacement: String, now: Int64) throws -> SignedChange {
        let text = try store.draftText(draft.hex)
        let scalars = Array(Self.original.replacingOccurrences(of: "data", with: "advance data").unicodeScalars)
        let target = Array(word.unicodeScalars)
        let start = try #require(scalars.indices.first { Array(scalars[$0..<min($0 + target.count, scalars.count)]) == target })
        return try store.author(ops: [.amendPropose(AmendPropose(
            draft: draft, kind: .replace, from: text.anchor(at: start), to: text.anchor(at: start + target.count - 1),
            text: replacement, rationale: "Yearly."))], references: [draft], key: delegate, now: now)
    }
}
