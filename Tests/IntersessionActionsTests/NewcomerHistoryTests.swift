import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// A newcomer's invite carries only the current epoch; every earlier one opens from the history
/// of the next, which it reads in a file sealed under that next epoch. However many epochs the
/// group went through (each invite, cancel and removal starts one), the join's first sync reads
/// the whole log back to the genesis, and so finds the invite.
@Suite struct NewcomerHistoryTests {
    @Test func aNewcomerAfterManyEpochsReadsTheWholeHistoryInItsJoin() throws {
        let fixture = try ActionsFixture()
        let secretariat = try fixture.actions(fixture.secretariatHome)
        _ = try secretariat.post(in: "flows", title: "Before the epochs", body: "Read by every newcomer.")
        for round in 1...4 {
            let path = fixture.root.appendingPathComponent("guest-\(round).invite").path
            let (guest, _) = try secretariat.invite(name: "Guest \(round)", organisation: "Org", role: .member, to: path)
            try secretariat.cancelInvite(guest.invite.hex)
        }
        let store = try fixture.secretariatHome.openStore()
        #expect(try store.epochRecords().count >= 8)
        let path = fixture.root.appendingPathComponent("newcomer.invite").path
        let (invite, _) = try secretariat.invite(name: "Ingrid", organisation: "Norway Customs", role: .member, to: path)
        let home = ProfileHome(folder: fixture.root.appendingPathComponent("newcomer"))

        let joined = try Membership.join(invite, home: home, profile: MemberProfile(name: "Ingrid", organisation: "Norway Customs", language: .en),
                                         folder: fixture.shared, now: fixture.tick())

        #expect(joined.report.lockedFiles == 0)
        let newcomer = try home.openStore()
        #expect(try newcomer.pendingCount() == 0)
        #expect(try newcomer.threads(topic: nil).contains { $0.title == "Before the epochs" })
    }
}
