import Foundation
import Testing
import IntersessionCore
import IntersessionStore
import IntersessionSync
@testable import IntersessionTUI

@Suite struct MembershipFlowTests {
    func member(_ fixture: DemoFixture, named name: String) throws -> MemberSummary? {
        try fixture.session.store.members().first { $0.name == name }
    }

    @Test func theSecretariatGrantsRevokesAndRemoves() throws {
        let fixture = try DemoFixture(peer: "secretariat")
        fixture.press(.character("@"))
        guard case .members(let list) = fixture.runtime.model.screen,
            let kenji = list.items.firstIndex(where: { $0.name == "Kenji Watanabe" })
        else { Issue.record("no members"); return }
        for _ in 0..<kenji { fixture.press(.down) }
        fixture.press(.character("g"))
        while fixture.runtime.model.memberAction?.chosenRole != .cochair { fixture.press(.down) }
        fixture.press(.enter)
        #expect(try member(fixture, named: "Kenji Watanabe")?.roles.contains("cochair") == true)
        fixture.press(.character("v"))
        while fixture.runtime.model.memberAction?.chosenRole != .cochair { fixture.press(.down) }
        fixture.press(.enter)
        #expect(try member(fixture, named: "Kenji Watanabe")?.roles == ["member"])
        fixture.press(.character("X"), .enter)
        #expect(try member(fixture, named: "Kenji Watanabe")?.roles == [])
    }

    @Test func membersWithoutTheSecretariatRoleHaveNoActions() throws {
        let fixture = try DemoFixture(peer: "cochair-fr")
        fixture.press(.character("@"), .character("g"))
        #expect(fixture.runtime.model.memberAction == nil)
    }

    @Test func theSecretariatWritesAnInvite() throws {
        let fixture = try DemoFixture(peer: "secretariat")
        let file = fixture.folder.appendingPathComponent("amina.invite").path
        fixture.press(.character("@"), .character("i"))
        fixture.type("Amina Diallo")
        fixture.press(.tab)
        fixture.type("Douanes sénégalaises")
        fixture.press(.tab, .tab)
        #expect(fixture.runtime.model.memberAction?.field == 3)
        for _ in 0..<"intersession.invite".count { fixture.press(.backspace) }
        fixture.type(file)
        fixture.press(.enter)
        let invite = try InviteFile(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: file))))
        #expect(invite.name == "Amina Diallo" && invite.organisation == "Douanes sénégalaises" && invite.role == .member)
        #expect(fixture.runtime.model.flash?.contains(file) == true)
    }

    @Test func anEndedExpertTermPromptsTheSecretariat() throws {
        let fixture = try DemoFixture(peer: "secretariat")
        let expert = DeviceKey()
        _ = try fixture.session.store.author(
            ops: [.memberRole(MemberRole(feed: expert.feed, role: .expert, fromSeq: 1, until: DemoFixture.now - 1))],
            references: [], key: fixture.session.key, now: DemoFixture.now)
        fixture.runtime.perform(.loadStatus)
        let role = fixture.runtime.model.catalog[.roleExpert]
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.termEnded, "\(expert.feed.hex.prefix(8)) (\(role))"])
    }
}
