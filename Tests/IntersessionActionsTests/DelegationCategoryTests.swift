import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore

/// The reports count delegations by category (issue 18): Members, partner organisations, the
/// private sector, observers, academia, experts. The secretariat alone sets a delegation's
/// category; until it does, the capacities registered decide; the latest setting stands.
@Suite struct DelegationCategoryTests {
    static let period = ReportPeriod(from: "2026-01-01", to: "2026-12-31")!

    /// A meeting with the secretariat (WCO) and Kenji registered for `delegation` as a delegate.
    func meeting(_ fixture: ActionsFixture, delegation: String = "Japan Customs") throws -> EntityID {
        let secretariat = try fixture.actions(fixture.secretariatHome)
        let meeting = try secretariat.convene(.init(title: "First meeting", number: "1", starts: "2026-05-18", ends: "2026-05-20"))
        try secretariat.register(for: meeting.hex, capacity: .secretariat)
        try secretariat.register(for: meeting.hex, participant: "Kenji", capacity: .delegate, delegation: delegation)
        return meeting
    }

    func report(_ fixture: ActionsFixture, _ language: Language = .en) throws -> String {
        let store = try fixture.secretariatHome.openStore()
        let record = try PeriodReport.record(from: store, period: Self.period, language: language)
        return PeriodReport(record, period: Self.period, to: nil, symbol: "WGEC/2026/REP", language: language).markdown
    }

    @Test func aDelegationCountsByItsCapacitiesUntilTheSecretariatSetsItsCategory() throws {
        let fixture = try ActionsFixture()
        let meeting = try meeting(fixture)
        #expect(try report(fixture).contains("2 participants from 2 delegations. By category: Members, 1; Secretariat, 1."))
        try fixture.actions(fixture.secretariatHome).categorise(delegation: " japan CUSTOMS ", as: .privateSector)
        let english = try report(fixture)
        #expect(english.contains("2 participants from 2 delegations. By category: private sector, 1; Secretariat, 1."), "\(english)")
        let french = try report(fixture, .fr)
        #expect(french.contains("Par catégorie\u{202F}: secteur privé, 1\u{202F}; Secrétariat, 1."), "\(french)")
        let participants = try fixture.secretariatHome.openStore().meeting(meeting.hex).participants
        #expect(participants.first { $0.delegation == "Japan Customs" }?.category == "private-sector")
        #expect(participants.first { $0.capacity == "secretariat" }?.category == nil)
    }

    @Test func everyCategoryHasItsLineInTheCommitteesOrder() throws {
        let fixture = try ActionsFixture()
        let secretariat = try fixture.actions(fixture.secretariatHome)
        let meeting = try secretariat.convene(.init(title: "First meeting", number: "1", starts: "2026-05-18", ends: "2026-05-20"))
        let kinds: [DelegationKind] = [.expert, .academia, .observer, .privateSector, .partner, .member]
        for (index, kind) in kinds.enumerated() {
            try secretariat.register(for: meeting.hex, participant: index.isMultiple(of: 2) ? "Kenji" : "Secretariat",
                                     capacity: .delegate, delegation: "Delegation \(index)")
            try secretariat.categorise(delegation: "Delegation \(index)", as: kind)
        }
        // A participant stands once (their latest registration): two delegations are left.
        let english = try report(fixture)
        #expect(english.contains("By category: Members, 1; partner organisations, 1."), "\(english)")
        let entries = try fixture.secretariatHome.openStore().delegationCategories()
        #expect(entries.map(\.category) == kinds.map(\.rawValue))
    }

    @Test func theLatestStandsAndSettingTheSameAgainIsRefused() throws {
        let fixture = try ActionsFixture()
        _ = try meeting(fixture, delegation: "UPU")
        let secretariat = try fixture.actions(fixture.secretariatHome)
        try secretariat.categorise(delegation: "UPU", as: .academia)
        try secretariat.categorise(delegation: "upu", as: .partner)
        #expect(try fixture.secretariatHome.openStore().delegationCategories().map { [$0.delegation, $0.category] }
                    == [["upu", "partner-organisation"]])
        #expect(throws: MeetingError.alreadyCategorised(delegation: "upu", category: "partner-organisation")) {
            try secretariat.categorise(delegation: "upu", as: .partner)
        }
        #expect(try report(fixture).contains("By category: partner organisations, 1; Secretariat, 1."))
    }

    @Test func aDelegateCannotSetACategoryNorForgeOne() throws {
        let fixture = try ActionsFixture()
        _ = try meeting(fixture)
        try fixture.sync(fixture.secretariatHome)
        try fixture.sync(fixture.delegateHome)
        #expect(throws: MeetingError.secretariatOnly) {
            try fixture.actions(fixture.delegateHome).categorise(delegation: "Japan Customs", as: .partner)
        }
        // Signed past the act (and past the store's own check), the op is refused by every
        // replica's rules, and both agree.
        let store = try fixture.delegateHome.openStore()
        let key = try fixture.delegateHome.loadKey()
        let head = try #require(try store.feedProgress()[key.feed]?.head)
        let last = try #require(try store.changes(of: key.feed, in: head...head).first)
        let forged = SignedChange(signing: ChangeBody(
            group: try #require(try store.groupID()), author: key.feed, seq: head + 1, prev: last.hash,
            hlc: HLC(millis: fixture.tick(), counter: 0),
            ops: [.meeting(.category(DelegationCategory(delegation: "Japan Customs", category: .partner)))]), with: key)
        try store.apply([forged])
        try fixture.sync(fixture.delegateHome)
        try fixture.sync(fixture.secretariatHome)
        #expect(try fixture.secretariatHome.openStore().auditLog().contains { !$0.counted && $0.action == "delegation.category" })
        for home in [fixture.secretariatHome, fixture.delegateHome] {
            #expect(try home.openStore().delegationCategories().isEmpty)
        }
        #expect(try report(fixture).contains("By category: Members, 1; Secretariat, 1."))
        #expect(try fixture.secretariatHome.openStore().stateDigest() == fixture.delegateHome.openStore().stateDigest())
    }
}
