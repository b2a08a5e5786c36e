import GRDB
import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// The library's rules on a store: who takes which step, from which state; the comment thread;
/// what an edition holds; search over both languages; and a rebuild that gives the same rows.
@Suite struct PracticeTests {
    let founder = DeviceKey()
    let chair = DeviceKey()
    let submitter = DeviceKey()
    let other = DeviceKey()
    let observer = DeviceKey()

    func group() throws -> (store: AppDatabase, topic: EntityID) {
        let (store, _) = try Fixture.foundedStore(by: founder)
        _ = try store.author(ops: [
            .memberRole(MemberRole(feed: chair.feed, role: .cochair, fromSeq: 1)),
            .memberRole(MemberRole(feed: submitter.feed, role: .member, fromSeq: 1)),
            .memberRole(MemberRole(feed: other.feed, role: .private, fromSeq: 1)),
            .memberRole(MemberRole(feed: observer.feed, role: .observer, fromSeq: 1)),
        ], key: founder, now: 2_000)
        return (store, try Fixture.topicIDs(store)[0])
    }

    static func content(_ topic: EntityID, title: String = "Pre-arrival data") -> PracticeContent {
        PracticeContent(title: LocalizedText(english: title, french: "Données préalables"),
                        summary: LocalizedText(english: "Parcels declared before arrival", french: "Colis déclarés avant l’arrivée"),
                        original: .en, topics: [topic],
                        sections: [.lessons: LocalizedText(english: "Start with platforms", french: "Commencer par les plateformes")])
    }

    func step(_ store: AppDatabase, _ practice: EntityID, _ kind: PracticeStepKind, by key: DeviceKey, now: Int64,
              content: PracticeContent? = nil, edition: EntityID? = nil) throws -> EntityID {
        let latest = try #require(EntityID(hex: try store.practice(practice.hex).summary.latest))
        return try store.author(ops: [.practice(.step(PracticeStep(practice: practice, after: latest, kind: kind, content: content,
                                                                    edition: edition)))], key: key, now: now).entity(0)
    }

    @Test func eachStepIsTakenOnlyByWhomItsRuleNamesFromAStateThatAllowsIt() throws {
        let (store, topic) = try group()
        #expect(throws: StoreError.refused(.notAuthorised)) {
            try store.author(ops: [.practice(.create(PracticeCreate(content: Self.content(topic))))], key: observer, now: 3_000)
        }
        let practice = try store.author(ops: [.practice(.create(PracticeCreate(content: Self.content(topic))))], key: submitter, now: 3_000).entity(0)
        #expect(try store.practice(practice.hex).summary.state == "submitted")
        #expect(throws: StoreError.refused(.notAuthorised)) { try step(store, practice, .review, by: chair, now: 3_100) }
        #expect(throws: StoreError.refused(.notSubmitter)) { try step(store, practice, .withdraw, by: other, now: 3_100) }
        #expect(throws: StoreError.refused(.notAllowedInState)) { try step(store, practice, .endorse, by: chair, now: 3_100) }
        _ = try step(store, practice, .review, by: founder, now: 3_200)
        _ = try step(store, practice, .open, by: chair, now: 3_300)
        #expect(throws: StoreError.refused(.notAuthorised)) { try step(store, practice, .endorse, by: founder, now: 3_400) }
        _ = try step(store, practice, .endorse, by: chair, now: 3_400)
        #expect(throws: StoreError.refused(.unknownEdition)) {
            try step(store, practice, .publish, by: founder, now: 3_500, edition: practice)
        }
        let edition = try store.author(ops: [.practice(.editionNew(EditionNew(title: LocalizedText(english: "2027 edition", french: nil))))],
                                       key: founder, now: 3_500).entity(0)
        _ = try step(store, practice, .publish, by: founder, now: 3_600, edition: edition)
        let detail = try store.practice(practice.hex)
        #expect(detail.summary.state == "published")
        #expect(detail.summary.editions == ["2027 edition"])
        #expect(detail.summary.submitted == 3_000)
        #expect(try store.edition(edition.hex).entries.map(\.version.number) == [1])

        // An update of a published practice is a new version that re-enters review; the
        // edition keeps the version it published.
        var revised = Self.content(topic)
        revised.summary.english = "Parcels declared before loading"
        #expect(throws: StoreError.refused(.notSubmitter)) { try step(store, practice, .update, by: other, now: 3_700, content: revised) }
        _ = try step(store, practice, .update, by: submitter, now: 3_700, content: revised)
        let updated = try store.practice(practice.hex)
        #expect(updated.summary.state == "submitted")
        #expect(updated.summary.version == 2)
        #expect(updated.summary.updated == 3_700)
        #expect(updated.versions.map(\.summary.en) == ["Parcels declared before arrival", "Parcels declared before loading"])
        #expect(try store.edition(edition.hex).entries.map(\.version.number) == [1])
        _ = try step(store, practice, .withdraw, by: submitter, now: 3_800)
        #expect(throws: StoreError.refused(.notAllowedInState)) { try step(store, practice, .update, by: submitter, now: 3_900, content: revised) }
    }

    @Test func aPracticeHasACommentThreadOfItsOwnInItsFirstTopic() throws {
        let (store, topic) = try group()
        let practice = try store.author(ops: [.practice(.create(PracticeCreate(content: Self.content(topic), draft: true)))],
                                        key: submitter, now: 3_000).entity(0)
        #expect(try store.practice(practice.hex).summary.state == "draft")
        let thread = try #require(try store.threads(topic: topic.hex).first { $0.id == practice.hex })
        #expect(thread.title == "Pre-arrival data")
        _ = try store.author(ops: [.postCreate(PostCreate(thread: practice, parent: practice, body: "Which platforms?", language: .en))],
                             key: other, now: 3_100)
        #expect(try store.search("platforms").map(\.thread) == [practice.hex])
    }

    @Test func anEditionHoldsOnlyPublishedVersions() throws {
        let (store, topic) = try group()
        let practice = try store.author(ops: [.practice(.create(PracticeCreate(content: Self.content(topic))))], key: submitter, now: 3_000).entity(0)
        let edition = try store.author(ops: [.practice(.editionNew(EditionNew(title: LocalizedText(english: "2026 edition", french: nil))))],
                                       key: founder, now: 3_100).entity(0)
        #expect(throws: StoreError.refused(.notAuthorised)) {
            try store.author(ops: [.practice(.editionAdd(EditionAdd(edition: edition, practice: practice, version: practice)))], key: chair, now: 3_200)
        }
        _ = try store.author(ops: [.practice(.editionAdd(EditionAdd(edition: edition, practice: practice, version: practice)))], key: founder, now: 3_200)
        #expect(try store.edition(edition.hex).entries.isEmpty, "added, but not published")
        #expect(try store.editions().map(\.practices) == [0])
    }

    @Test func searchFindsPracticesInBothLanguagesAccentsIgnored() throws {
        let (store, topic) = try group()
        let practice = try store.author(ops: [.practice(.create(PracticeCreate(content: Self.content(topic))))], key: submitter, now: 3_000).entity(0)
        #expect(try store.searchPractices("prealables").map(\.practice) == [practice.hex])
        #expect(try store.searchPractices("arrivee").map(\.practice) == [practice.hex])
        #expect(try store.searchPractices("platforms").map(\.practice) == [practice.hex])
        #expect(try store.searchPractices("quetzal").isEmpty)
        var revised = Self.content(topic, title: "Quetzal checks")
        revised.title.french = nil
        _ = try step(store, practice, .update, by: submitter, now: 3_100, content: revised)
        #expect(try store.searchPractices("quetzal").map(\.title) == ["Quetzal checks"])
        #expect(try store.searchPractices("prealables").isEmpty, "only the current version is found")
        let digest = try store.stateDigest()
        try store.rebuild()
        #expect(try store.stateDigest() == digest)
        #expect(try store.searchPractices("quetzal").count == 1)
    }
}
