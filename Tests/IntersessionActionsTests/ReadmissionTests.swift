import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// A member whose home was copied signs two different changes for one seq: their feed freezes.
/// The secretariat re-admits them under a new key with the same name, delegation and roles, and
/// they take it up in the same home (DESIGN §4).
@Suite struct ReadmissionTests {
    /// Kenji (member and co-chair) and a copy of his home each post before either syncs; the
    /// secretariat receives both variants.
    static func forkedKenji(_ fixture: ActionsFixture) throws -> (kenji: FeedID, forkSeq: Int64) {
        let secretariat = try fixture.actions(fixture.secretariatHome)
        try secretariat.grant(.cochair, to: try fixture.delegateHome.loadKey().feed.hex)
        try fixture.sync(fixture.secretariatHome)
        try fixture.sync(fixture.delegateHome)
        let copy = try fixture.backup(fixture.delegateHome, as: "kenji-copy")
        try fixture.actions(fixture.delegateHome).post(in: "general", title: "From the laptop", body: "Signed on the laptop.")
        try fixture.actions(copy).post(in: "general", title: "From the desktop", body: "Signed on the desktop.")
        let kenji = try fixture.delegateHome.loadKey().feed
        let seq = try fixture.head(fixture.delegateHome)
        let laptop = try fixture.delegateHome.openStore().changes(of: kenji, in: seq...seq)
        let desktop = try copy.openStore().changes(of: kenji, in: seq...seq)
        #expect(laptop.first?.hash != desktop.first?.hash)
        let store = try fixture.secretariatHome.openStore()
        _ = try store.apply(laptop)
        let report = try store.apply(desktop)
        #expect(report.forks.map(\.seq) == [seq])
        // The laptop learns of the other variant too.
        _ = try fixture.delegateHome.openStore().apply(desktop)
        return (kenji, seq)
    }

    @Test func theSecretariatReadmitsAForkedMemberWithEveryRole() throws {
        let fixture = try ActionsFixture()
        let (kenji, forkSeq) = try Self.forkedKenji(fixture)
        let path = fixture.root.appendingPathComponent("kenji-again.invite").path
        let readmission = try fixture.actions(fixture.secretariatHome).readmit(kenji.short, to: path)
        #expect(readmission.replaced == kenji && readmission.lastCounted == forkSeq - 1)
        #expect(readmission.roles == [.member, .cochair])
        #expect(readmission.file.replaces == kenji && readmission.file.name == "Kenji")
        let store = try fixture.secretariatHome.openStore()
        let status = try #require(try store.signedInvite(readmission.file.invite))
        #expect(status.replaces == kenji.hex && status.also == ["cochair"] && status.role == "member")
        #expect(try store.currentRoles(of: kenji).isEmpty)

        #expect(Membership.readmits(readmission.file, home: fixture.delegateHome))
        let (join, replaced, _) = try Membership.rejoin(readmission.file, home: fixture.delegateHome, now: fixture.tick())
        #expect(replaced == kenji && join.author != kenji)
        #expect(try fixture.delegateHome.loadKey().feed == join.author)
        #expect(FileManager.default.fileExists(atPath: fixture.delegateHome.retiredKeyURL(of: kenji).path))
        let home = try fixture.delegateHome.openStore()
        #expect(try home.currentRoles(of: join.author) == [.member, .cochair])
        let me = try #require(try home.members().first { $0.feed == join.author.hex })
        #expect(me.name == "Kenji" && me.organisation == "Japan Customs" && me.language == "fr")
        let lost = try #require(try home.forkedChanges(of: kenji))
        #expect(lost.frozenFrom == forkSeq && lost.logged.count == 1 && lost.evidence.count == 1)
        #expect(ChangeGist.lines(of: lost.logged[0]).contains { $0.contains("From the laptop") })

        try fixture.actions(fixture.delegateHome).post(in: "general", title: "Under the new key", body: "Counted again.")
        try fixture.sync(fixture.delegateHome)
        try fixture.sync(fixture.secretariatHome)
        let titles = try store.threads(topic: nil).map(\.title)
        #expect(titles.contains("Under the new key") && !titles.contains("From the laptop"))
    }

    @Test func aFileThatOnlyClaimsToReadmitChangesNothing() throws {
        let fixture = try ActionsFixture()
        let kenji = try fixture.delegateHome.loadKey().feed
        var (file, _) = try fixture.actions(fixture.secretariatHome).invite(
            name: "Someone", organisation: "Else", role: .member, to: fixture.root.appendingPathComponent("x.invite").path)
        file.replaces = kenji
        #expect(Membership.readmits(file, home: fixture.delegateHome))
        #expect(throws: ActionError.notYourReadmission(invite: file.invite.short)) {
            try Membership.rejoin(file, home: fixture.delegateHome, now: fixture.tick())
        }
        #expect(try fixture.delegateHome.loadKey().feed == kenji)
    }

    @Test func noOneReadmitsThemselvesOrARemovedMember() throws {
        let fixture = try ActionsFixture()
        let secretariat = try fixture.actions(fixture.secretariatHome)
        let kenji = try fixture.delegateHome.loadKey().feed.short
        #expect(throws: ActionError.cannotRemoveSelf) {
            try secretariat.readmit(try fixture.secretariatHome.loadKey().feed.short, to: fixture.root.appendingPathComponent("a.invite").path)
        }
        try secretariat.remove(kenji)
        #expect(throws: ActionError.nothingToReadmit(member: kenji)) {
            try fixture.actions(fixture.secretariatHome).readmit(kenji, to: fixture.root.appendingPathComponent("b.invite").path)
        }
    }
}
