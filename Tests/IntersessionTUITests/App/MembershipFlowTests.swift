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
        // A grant is asked about first, naming the member and the role; `n` signs nothing.
        #expect(fixture.runtime.model.confirmation?.question.contains("Kenji Watanabe") == true)
        #expect(fixture.screen().contains { $0.contains("Kenji Watanabe") && $0.contains("co-chair") })
        fixture.press(.character("n"))
        #expect(try member(fixture, named: "Kenji Watanabe")?.roles.contains("cochair") == false)
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.confirmCancelled])
        fixture.press(.character("g"))
        while fixture.runtime.model.memberAction?.chosenRole != .cochair { fixture.press(.down) }
        fixture.press(.enter, .character("y"))
        #expect(try member(fixture, named: "Kenji Watanabe")?.roles.contains("cochair") == true)
        fixture.press(.character("v"))
        while fixture.runtime.model.memberAction?.chosenRole != .cochair { fixture.press(.down) }
        fixture.press(.enter, .character("y"))
        #expect(try member(fixture, named: "Kenji Watanabe")?.roles == ["member"])
        fixture.press(.character("X"), .enter)
        #expect(try member(fixture, named: "Kenji Watanabe")?.roles == ["member"])
        fixture.press(.character("y"))
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
        // Outside the shared folder: no warning.
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.inviteWritten, file])
    }

    @Test func anInviteWrittenIntoTheSharedFolderIsWarnedOf() throws {
        let fixture = try DemoFixture(peer: "secretariat")
        let shared = try #require(fixture.session.folders.first)
        let file = shared + "/amina.invite"
        fixture.press(.character("@"), .character("i"))
        fixture.type("Amina Diallo")
        fixture.press(.tab)
        fixture.type("Douanes sénégalaises")
        fixture.press(.tab, .tab)
        for _ in 0..<"intersession.invite".count { fixture.press(.backspace) }
        fixture.type(file)
        fixture.press(.enter)
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(fixture.runtime.model.flash?.hasSuffix(fixture.runtime.model.catalog[.inviteInSharedFolder, file, shared]) == true)
    }

    @Test func anEndedExpertTermPromptsTheSecretariat() throws {
        let fixture = try DemoFixture(peer: "secretariat")
        let expert = DeviceKey()
        _ = try fixture.session.store.author(
            ops: [.memberRole(MemberRole(feed: expert.feed, role: .expert, fromSeq: 1, until: DemoFixture.now - 1))],
            references: [], key: fixture.session.key, now: DemoFixture.now)
        fixture.perform(.loadStatus)
        let role = fixture.runtime.model.catalog[.roleExpert]
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.termEnded, "\(expert.feed.hex.prefix(8)) (\(role))"])
    }
}

@Suite struct ContestedInviteFlowTests {
    /// Two people redeem one invite (a leaked file): the secretariat is told, the members screen
    /// marks both, and `a` on the real one's row seats them.
    @Test func theSecretariatIsToldAndAdmitsOneRedeemer() throws {
        let fixture = try DemoFixture(peer: "secretariat")
        let store = fixture.session.store
        let path = fixture.folder.appendingPathComponent("leaked.invite").path
        let (file, _) = try fixture.session.actions(clock: { DemoFixture.now }).invite(
            name: "Amina Diallo", organisation: "Douanes sénégalaises", role: .member, to: path)
        let inviteKey = try DeviceKey(seed: file.secret)
        let head = try #require(try store.feedProgress()[fixture.session.key.feed]?.head)
        for (index, name) in ["Amina Diallo", "Someone Else"].enumerated() {
            let joiner = DeviceKey()
            let join = MemberJoin(invite: file.invite, proof: MemberJoin.proof(group: file.group, feed: joiner.feed, inviteKey: inviteKey))
            let body = ChangeBody(group: file.group, author: joiner.feed, seq: 1, prev: nil,
                                  hlc: HLC(millis: DemoFixture.now + Int64(index), counter: 0), deps: [fixture.session.key.feed: head],
                                  ops: [.memberJoin(join), .memberProfile(MemberProfile(name: name, organisation: "Dakar", language: .fr))])
            _ = try store.apply([SignedChange(signing: body, with: joiner)])
        }
        fixture.perform(.loadStatus)
        #expect(fixture.runtime.model.flash?.contains("Amina Diallo") == true)
        #expect(fixture.runtime.model.flash?.contains("Someone Else") == true)

        fixture.press(.character("@"))
        guard case .members(let list) = fixture.runtime.model.screen,
            let amina = list.items.firstIndex(where: { $0.name == "Amina Diallo" })
        else { Issue.record("the redeemers are not listed"); return }
        #expect(list.items.filter { $0.contestedInvite != nil }.count == 2)
        #expect(fixture.screen().contains { $0.contains("Amina Diallo") && $0.contains("contested invite") })
        for _ in 0..<amina { fixture.press(.down) }
        fixture.press(.character("a"), .character("y"))
        let members = try store.members()
        #expect(members.first { $0.name == "Amina Diallo" }?.roles == ["member"])
        #expect(members.first { $0.name == "Someone Else" }?.roles ?? [] == [])
    }
}
