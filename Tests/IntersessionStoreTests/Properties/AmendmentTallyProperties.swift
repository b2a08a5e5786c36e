import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Members support and oppose an amendment, change their minds, and one of them is removed,
/// while replicas hear it all in any order: every replica shows the same standing outcome,
/// the one the core's rule gives over the stances signed, counting only those still members.
@Suite struct AmendmentTallyProperties {
    @Test(arguments: PropertySeeds.all)
    func replicasAgreeOnWhereAnAmendmentStands(seed: UInt64) throws {
        let sim = try Simulation(seed: seed)
        let cochair = try sim.addActor()
        let members = try (0..<4).map { _ in try sim.addActor() }
        try sim.grant([cochair: .cochair].merging(members.map { ($0, Role.member) }) { $1 })
        let topic = try #require(try Fixture.topicIDs(sim.founder.store).first)
        let create = try #require(sim.act(cochair, [.draftCreate(DraftCreate(
            title: "Guidelines", topic: topic, language: .en, symbol: "WGEC/2026/9", penholders: [sim.actors[cochair].key.feed]))],
            references: [topic]))
        let draft = create.entity(0)
        try sim.deliverAll()
        let propose = try #require(sim.act(members[0], [.amendPropose(AmendPropose(
            draft: draft, kind: .insert, from: nil, to: nil, text: "Scope.", rationale: "Say what it covers."))], references: [draft]))
        let amendment = propose.entity(0)
        try sim.deliverAll()
        var removed: Set<Int> = []
        var stances: [AmendmentStance] = []
        for step in 0..<30 {
            if step == 15, sim.chance(70) {
                let gone = sim.pick(members)
                let feed = sim.actors[gone].key.feed
                let head = try sim.actors[gone].store.feedHeads()[feed]
                if sim.act(0, [.memberRevoke(MemberRevoke(feed: feed, role: nil, lastSeq: head?.seq ?? 0, lastHash: head?.hash))]) != nil {
                    removed.insert(gone)
                }
            } else {
                let actor = sim.pick(members + [cochair])
                let supports = sim.chance(50)
                if let change = sim.act(actor, [.amendPosition(AmendPosition(amendment: amendment, supports: supports))], references: [amendment]) {
                    stances.append(AmendmentStance(feed: sim.actors[actor].key.feed.hex, seq: change.seq, supports: supports))
                }
            }
            try sim.weather()
        }
        let stores = try sim.expectConvergence()
        let counted = Set((members + [cochair]).filter { !removed.contains($0) }.map { sim.actors[$0].key.feed.hex })
        let expected = AmendmentTally.count(stances, members: counted)
        for (index, store) in stores.enumerated() {
            #expect(try store.amendment(amendment.hex).tally == expected, "replica \(index), seed \(seed)")
        }
        // Shuffled, the same stances give the same tally: the rule reads no delivery order.
        var rng = SplitMix64(seed: seed)
        #expect(AmendmentTally.count(stances.shuffled(using: &rng), members: counted) == expected)
    }
}
