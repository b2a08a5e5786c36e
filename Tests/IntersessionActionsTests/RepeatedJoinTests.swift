import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// The crash loop's findings about `join` (issue 19): a join killed after it signed left a
/// whole profile that the same join refused as taken; run again, it finishes instead. A home
/// whose profile is another group's, or another invite's, is still refused and untouched.
@Suite struct RepeatedJoinTests {
    let profile = MemberProfile(name: "Ingrid", organisation: "Norway Customs", language: .en)

    @Test func theSameJoinRunAgainFinishesInsteadOfRefusing() throws {
        let fixture = try ActionsFixture()
        let secretariat = try fixture.actions(fixture.secretariatHome)
        let path = fixture.root.appendingPathComponent("ingrid.invite").path
        let (invite, _) = try secretariat.invite(name: "Ingrid", organisation: "Norway Customs", role: .member, to: path)
        let home = ProfileHome(folder: fixture.root.appendingPathComponent("ingrid"))
        let first = try Membership.join(invite, home: home, profile: profile, folder: fixture.shared, now: fixture.tick())

        let again = try Membership.join(invite, home: home, profile: profile, folder: fixture.shared, now: fixture.tick())

        #expect(again.change.hash == first.change.hash)
        #expect(try home.loadKey().feed == first.change.author)
        #expect(try home.openStore().changes(of: first.change.author, in: 1...10).count == 1)
    }

    @Test func anotherInvitesJoinInAJoinedHomeIsRefused() throws {
        let fixture = try ActionsFixture()
        let secretariat = try fixture.actions(fixture.secretariatHome)
        let (invite, _) = try secretariat.invite(name: "Ingrid", organisation: "Norway Customs", role: .member,
                                                 to: fixture.root.appendingPathComponent("a.invite").path)
        let (other, _) = try secretariat.invite(name: "Olaf", organisation: "Norway Customs", role: .member,
                                                to: fixture.root.appendingPathComponent("b.invite").path)
        let home = ProfileHome(folder: fixture.root.appendingPathComponent("ingrid"))
        let first = try Membership.join(invite, home: home, profile: profile, folder: fixture.shared, now: fixture.tick())

        #expect(throws: ProfileError.alreadyExists(home.folder.path)) {
            try Membership.join(other, home: home, profile: profile, folder: fixture.shared, now: fixture.tick())
        }
        #expect(try home.loadKey().feed == first.change.author)
    }
}
