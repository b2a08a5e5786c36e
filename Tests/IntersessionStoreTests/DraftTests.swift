import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Drafts: two penholders edit one draft offline; a delegate proposes an amendment; any order
/// of delivery gives the same text on every replica, and the store tells what happened.
@Suite struct DraftTests {
    let secretariat = DeviceKey()
    let penA = DeviceKey()
    let penB = DeviceKey()
    let delegate = DeviceKey()

    static let original = """
        # Guidelines on cross-border e-commerce

        Customs administrations should exchange advance electronic data on low-value shipments.

        Members should publish their thresholds for simplified declarations.

        The secretariat will report on progress at the next meeting.
        """

    /// The group, the draft with its first text, and a replica for each person.
    func group() throws -> (stores: [AppDatabase], draft: String) {
        let (store, _) = try Fixture.foundedStore(by: secretariat)
        _ = try store.author(
            ops: [.memberRole(MemberRole(feed: penA.feed, role: .member, fromSeq: 1)),
                  .memberRole(MemberRole(feed: penB.feed, role: .private, fromSeq: 1)),
                  .memberRole(MemberRole(feed: delegate.feed, role: .member, fromSeq: 1))],
            references: [], key: secretariat, now: 2_000)
        let topic = try #require(try Fixture.topicIDs(store).first)
        let create = try store.author(ops: [.draftCreate(DraftCreate(
            title: "Guidelines", topic: topic, language: .en, symbol: "WGEC/2026/3", penholders: [penA.feed, penB.feed]))],
            references: [topic], key: secretariat, now: 3_000)
        let draft = create.entity(0).hex
        try store.saveDraft(draft, text: Self.original, key: secretariat, now: 3_100)
        let stores = try [penA, penB, delegate].map { _ in
            let replica = try AppDatabase.inMemory()
            try replica.apply(try Fixture.log(of: store))
            return replica
        }
        return ([store] + stores, draft)
    }

    static func sync(_ stores: [AppDatabase]) throws {
        let all = try stores.flatMap { try Fixture.log(of: $0) }
        for store in stores { try store.apply(all) }
    }

    @Test func twoPenholdersEditOfflineAndEveryOrderGivesOneText() throws {
        let (stores, draft) = try group()
        let (sec, a, b, del) = (stores[0], stores[1], stores[2], stores[3])
        // A edits paragraph 1, B edits paragraphs 1 and 3, without seeing each other.
        try a.saveDraft(draft, text: Self.original.replacingOccurrences(of: "advance electronic data", with: "advance electronic data (AED)"),
                        key: penA, now: 4_000)
        try b.saveDraft(draft, text: Self.original.replacingOccurrences(of: "low-value shipments", with: "low-value consignments")
            .replacingOccurrences(of: "next meeting", with: "next session"), key: penB, now: 4_100)
        // The delegate cannot edit directly, but proposes an amendment to paragraph 2.
        #expect(throws: StoreError.refused(.notPenholder)) {
            try del.saveDraft(draft, text: Self.original + "\nMine.", key: delegate, now: 4_150)
        }
        let text = try del.draftText(draft)
        let word = "publish"
        let wordStart = Array(Self.original.unicodeScalars).indices.first { index in
            String(String.UnicodeScalarView(Array(Self.original.unicodeScalars)[index..<min(index + word.count, Self.original.unicodeScalars.count)])) == word
        }!
        let amendment = try del.author(ops: [.amendPropose(AmendPropose(
            draft: EntityID(hex: draft)!, kind: .replace, from: text.anchor(at: wordStart), to: text.anchor(at: wordStart + word.count - 1),
            text: "publish and update", rationale: "Thresholds change."))], references: [EntityID(hex: draft)!], key: delegate, now: 4_200)

        let changes = try stores.flatMap { try Fixture.log(of: $0) }
        var rng = SplitMix64(seed: 21)
        var texts: Set<String> = []
        var digests: Set<String> = []
        for _ in 0..<12 {
            // A replica starts from the group's genesis, as a join does.
            let replica = try AppDatabase.inMemory()
            try replica.apply(changes.filter(\.body.isGenesis))
            let shuffled = changes.shuffled(using: &rng)
            for change in shuffled + shuffled.prefix(5) { try replica.apply([change]) }
            texts.insert(try replica.draft(draft).text)
            digests.insert(try replica.stateDigest())
            let before = try replica.stateDigest()
            try replica.rebuild()
            #expect(try replica.stateDigest() == before)
        }
        #expect(texts.count == 1 && digests.count == 1)
        let merged = try #require(texts.first)
        #expect(merged.contains("advance electronic data (AED) on low-value consignments"))
        #expect(merged.contains("next session"))

        try Self.sync([sec, a, b, del])
        let detail = try a.draft(draft)
        #expect(detail.text == merged)
        #expect(detail.paragraphs.map(\.number) == [nil, 1, 2, 3])
        // Paragraph 1 was changed by both penholders without either seeing the other: flagged.
        #expect(detail.paragraphs.map(\.concurrentEdits) == [false, true, false, false])
        #expect(detail.paragraphs[3].lastAuthor == nil || detail.paragraphs[3].lastChanged == 4_100)
        // The amendment brackets paragraph 2.
        #expect(detail.paragraphs[2].openAmendments == [amendment.entity(0).hex])
        let table = try a.amendments(of: draft)
        #expect(table.map(\.original) == ["publish"] && table[0].sponsor.count > 0 && table[0].status == "open")

        // Penholder A reviews paragraph 1 with an edit that saw both: the flag goes.
        try a.saveDraft(draft, text: merged.replacingOccurrences(of: "(AED)", with: "(AED) and"), key: penA, now: 5_000)
        #expect(try a.draft(draft).paragraphs[1].concurrentEdits == false)

        // Support, then acceptance applies the amendment.
        _ = try b.author(ops: [.amendPosition(AmendPosition(amendment: amendment.entity(0), supports: true))],
                         references: [amendment.entity(0)], key: penB, now: 5_100)
        try Self.sync([sec, a, b, del])
        let accepted = try a.textWithAmendment(amendment.entity(0).hex)
        try a.saveDraft(draft, text: accepted.text, key: penA, now: 5_200,
                        extraOps: [.amendDecide(AmendDecide(amendment: amendment.entity(0), accepted: true))])
        try Self.sync([sec, a, b, del])
        #expect(try del.draft(draft).text.contains("Members should publish and update their thresholds"))
        #expect(try del.amendments(of: draft).first?.status == "accepted")
        #expect(try del.amendments(of: draft).first?.supporters.count == 1)
        #expect(try del.draft(draft).paragraphs[2].openAmendments.isEmpty)
    }

    @Test func aVersionKeepsItsTextAndTranslationsAreFlaggedWhenTheSourceMoves() throws {
        let (stores, draft) = try group()
        let sec = stores[0]
        let heads = try sec.draftHeads(draft)
        _ = try sec.author(ops: [.draftVersion(DraftVersion(draft: EntityID(hex: draft)!, name: "Rev.1", heads: heads))],
                           references: [EntityID(hex: draft)!], key: secretariat, now: 3_500, dependsOn: heads)
        #expect(try sec.drafts().first?.symbol == "WGEC/2026/3 Rev.1")
        try sec.saveDraft(draft, text: Self.original + "\n\nA new paragraph.", key: secretariat, now: 3_600)
        let version = try #require(try sec.draft(draft).versions.first)
        let frozen = try sec.draftHistory(draft).text(within: version.feedHeads)
        #expect(frozen.text == Self.original)

        let topic = try #require(try Fixture.topicIDs(sec).first)
        let french = try sec.author(ops: [.draftCreate(DraftCreate(
            title: "Lignes directrices", topic: topic, language: .fr, symbol: "WGEC/2026/3", penholders: [secretariat.feed],
            translationOf: EntityID(hex: draft)!))], references: [topic], key: secretariat, now: 3_700).entity(0).hex
        try sec.saveDraft(french, text: "# Lignes directrices\n\nPremier.\n\nDeuxième.\n\nTroisième.\n\nQuatrième.", key: secretariat, now: 3_800)
        #expect(try sec.draft(french).paragraphs.allSatisfy { !$0.sourceChangedSince })
        try sec.saveDraft(draft, text: (try sec.draft(draft).text).replacingOccurrences(of: "thresholds", with: "limits"), key: secretariat,
                          now: 3_900)
        #expect(try sec.draft(french).paragraphs.map(\.sourceChangedSince) == [false, false, true, false, false])
        #expect(try sec.draft(draft).translations == [french])
    }

    /// Penholder A opens the draft in an editor; B's edit arrives by sync meanwhile; A's save,
    /// diffed against what A started from, keeps B's edit.
    @Test func aSaveIsDiffedAgainstWhereTheEditStarted() throws {
        let (stores, draft) = try group()
        let (a, b) = (stores[1], stores[2])
        let start = try a.draftStart(draft)
        try b.saveDraft(draft, text: Self.original.replacingOccurrences(of: "next meeting", with: "next session"), key: penB, now: 4_000)
        try a.apply(try Fixture.log(of: b))
        try a.saveDraft(draft, text: start.text.replacingOccurrences(of: "thresholds", with: "limits"), from: start, key: penA, now: 4_100)
        let text = try a.draft(draft).text
        #expect(text.contains("next session") && text.contains("publish their limits"))
    }

    @Test func anEditNamingUnknownTextIsRefusedAndKept() throws {
        let (stores, draft) = try group()
        let a = stores[1]
        let bogus = DraftEdit(draft: EntityID(hex: draft)!, base: try a.draftHeads(draft),
                              insertions: [.init(seq: 0, left: TextAnchor(feed: penB.feed, seq: 99), right: nil, text: "x")], deletions: [])
        #expect(throws: StoreError.refused(.textConflict)) {
            try a.author(ops: [.draftEdit(bogus)], references: [EntityID(hex: draft)!], key: penA, now: 4_000, dependsOn: try a.draftHeads(draft))
        }
    }
}
