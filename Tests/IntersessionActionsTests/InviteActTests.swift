import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore

/// An invite file holds a secret: it is made readable by its owner only from its first byte,
/// and an existing file is never overwritten (then nothing is signed).
@Suite struct InviteActTests {
    @Test func theInviteFileIsPrivateAndNeverOverwritten() throws {
        let fixture = try ActionsFixture()
        let secretariat = try fixture.actions(fixture.secretariatHome)
        let path = fixture.root.appendingPathComponent("maria.invite").path
        let (invite, report) = try secretariat.invite(name: " Maria ", organisation: "Brazil Customs", role: .member, to: path)
        #expect(invite.name == "Maria" && report != nil)
        #expect(invite.expires == fixture.now + Int64(Terms.inviteDays) * Terms.dayMillis)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let before = try fixture.head(fixture.secretariatHome)
        #expect(throws: ActionError.fileExists(path: path)) {
            try secretariat.invite(name: "Someone", organisation: "Else", role: .member, to: path)
        }
        #expect(throws: ActionError.badDays(option: "--expires", minimum: 1, maximum: Terms.inviteMaximumDays)) {
            try secretariat.invite(name: "Someone", organisation: "Else", role: .member, days: 0, to: path + "2")
        }
        #expect(try fixture.head(fixture.secretariatHome) == before)
    }
}
