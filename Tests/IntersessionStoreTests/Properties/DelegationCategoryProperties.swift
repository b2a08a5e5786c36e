import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Two secretariat members put delegations in categories while delegates register for a
/// meeting, under random delivery, duplicates and partitions; midway the founder may revoke the
/// second one, whose later settings every replica then refuses. Each delegation is written in
/// several ways (case, outer spaces, composed or decomposed accents, ß or SS): on every replica
/// one entry stands per delegation, the one the latest accepted setting by stamp gives.
@Suite struct DelegationCategoryProperties {
    /// The delegations, each as the people typing it might write it.
    static let spellings: [[String]] = [
        ["UPU", " upu ", "Upu"],
        ["Côte d’Ivoire", "Co\u{0302}te d’Ivoire", "CÔTE D’IVOIRE"],
        ["Straße Zoll", "STRASSE ZOLL", "strasse zoll"],
    ]

    struct Setting {
        let delegation: Int
        let name: String
        let category: DelegationKind
        let stamp: ChangeStamp
    }

    static func world(seed: UInt64) throws -> (sim: Simulation, delegates: [Int], meeting: EntityID) {
        let sim = try Simulation(seed: seed)
        let second = try sim.addActor()
        let delegates = try (0..<2).map { _ in try sim.addActor() }
        try sim.grant([second: .secretariat, delegates[0]: .member, delegates[1]: .member])
        let topic = try Fixture.topicIDs(sim.founder.store)[0]
        let new = try #require(sim.act(0, [.meeting(.new(MeetingNew(
            title: "PTC", body: "WGEC", number: "1", mode: .document, starts: "2020-05-18", ends: "2020-05-20",
            presiding: [], topic: topic)))]))
        try sim.deliverAll()
        return (sim, delegates, new.entity(0))
    }

    /// The category that must stand for each delegation: the latest accepted setting.
    static func expected(_ settings: [Setting]) -> [Int: Setting] {
        var latest: [Int: Setting] = [:]
        for setting in settings where latest[setting.delegation].map({ $0.stamp < setting.stamp }) ?? true {
            latest[setting.delegation] = setting
        }
        return latest
    }

    @Test(arguments: PropertySeeds.all)
    func theLatestSettingStandsOnEveryReplica(seed: UInt64) throws {
        let (sim, delegates, meeting) = try Self.world(seed: seed)
        var settings: [Setting] = []
        var revokedAfter: Int64?
        for step in 0..<40 {
            if step == 20, sim.chance(60) {
                let feed = sim.actors[1].key.feed
                let head = try sim.actors[0].store.feedHeads()[feed]
                if sim.act(0, [.memberRevoke(MemberRevoke(feed: feed, role: .secretariat, lastSeq: head?.seq ?? 0, lastHash: head?.hash))]) != nil {
                    revokedAfter = head?.seq ?? 0
                }
            } else if sim.chance(40) {
                let delegate = sim.pick(delegates)
                let delegation = sim.pick(sim.pick(Self.spellings))
                sim.act(delegate, [.meeting(.register(MeetingRegister(
                    meeting: meeting, participant: sim.actors[delegate].key.feed, capacity: sim.pick([.delegate, .observer, .expert]),
                    delegation: delegation)))])
            } else {
                let author = sim.pick([0, 1])
                let delegation = Int.random(in: 0..<Self.spellings.count, using: &sim.rng)
                let name = sim.pick(Self.spellings[delegation])
                let category = sim.pick(DelegationKind.allCases)
                if let change = sim.act(author, [.meeting(.category(DelegationCategory(delegation: name, category: category)))]) {
                    settings.append(Setting(delegation: delegation, name: name, category: category, stamp: change.stamp))
                }
            }
            try sim.weather()
        }
        let accepted = settings.filter { setting in
            setting.stamp.author != sim.actors[1].key.feed || revokedAfter.map { setting.stamp.seq <= $0 } ?? true
        }
        let stores = try sim.expectConvergence()
        let expected = Self.expected(accepted).values.sorted { $0.stamp < $1.stamp }
        let reference = try stores[0].meeting(meeting.hex).participants
        for store in stores {
            let standing = try store.delegationCategories()
            #expect(standing.count == expected.count, "\(standing) against \(expected)")
            for setting in expected {
                let entry = standing.first { entry in Self.spellings[setting.delegation].contains { $0 == entry.delegation } }
                #expect(entry?.category == setting.category.rawValue, "\(setting.name): \(String(describing: entry))")
                #expect(entry?.delegation.unicodeScalars.elementsEqual(setting.name.unicodeScalars) == true,
                        "the name is kept as it was written")
            }
            #expect(try store.meeting(meeting.hex).participants == reference)
        }
    }
}
