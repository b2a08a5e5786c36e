import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// A meeting run by two co-chairs while three delegates comment and raise concerns, under
/// random delivery, duplicates and partitions: concurrent outcomes, phase closes (of the
/// meeting and of one item) and late comments come to the same record on every replica.
@Suite struct MeetingProperties {
    struct World {
        let sim: Simulation
        let chairs: [Int]
        let delegates: [Int]
        let meeting: EntityID
        let items: [EntityID]
    }

    static func world(seed: UInt64) throws -> World {
        let sim = try Simulation(seed: seed)
        let chairs = try (0..<2).map { _ in try sim.addActor() }
        let delegates = try (0..<2).map { _ in try sim.addActor() }
        try sim.grant(Dictionary(uniqueKeysWithValues: chairs.map { ($0, Role.cochair) } + delegates.map { ($0, Role.member) }))
        for (index, delegate) in delegates.enumerated() {
            sim.act(delegate, [.memberProfile(MemberProfile(name: "D\(index)", organisation: "Admin \(index)", language: .en))])
        }
        let topic = try Fixture.topicIDs(sim.founder.store)[0]
        let new = try #require(sim.act(chairs[0], [.meeting(.new(MeetingNew(
            title: "PTC", body: "WGEC", number: "1", mode: .document, starts: "2020-05-18", ends: "2020-07-03",
            presiding: chairs.map { sim.actors[$0].key.feed }, topic: topic)))]))
        let meeting = new.entity(0)
        try sim.deliverAll()
        let items = try ["2", "3"].map { number in
            try #require(sim.act(chairs[0], [.meeting(.item(MeetingItem(
                meeting: meeting, number: number, title: "Item \(number)", text: "", language: .en, purpose: .decision,
                category: .forDiscussion)))])).entity(0)
        }
        sim.act(chairs[1], [.meeting(.phase(MeetingPhase(meeting: meeting, phase: .comment, deadline: 9_000_000)))])
        try sim.deliverAll()
        return World(sim: sim, chairs: chairs, delegates: delegates, meeting: meeting, items: items)
    }

    static func close(_ world: World, _ phase: MeetingPhaseKind, item: EntityID?) throws {
        let closer = world.sim.pick(world.chairs)
        let heads = try world.sim.actors[closer].store.feedHeads()
        world.sim.act(closer, [.meeting(.phase(MeetingPhase(meeting: world.meeting, phase: phase, frontier: heads, item: item)))],
                      deps: CloseFrontier.dependencies(heads))
    }

    /// An outcome that replaces the outcomes standing where it is made.
    static func outcome(_ world: World) throws {
        let chair = world.sim.pick(world.chairs)
        let item = world.sim.pick(world.items)
        let seen = try? world.sim.actors[chair].store.agendaItem(item.hex).item
        let replaces = (seen?.outcomes ?? []).map(\.id).compactMap(EntityID.init(hex:))
        let kind = world.sim.pick(OutcomeKind.allCases)
        world.sim.act(chair, [.meeting(.outcome(MeetingOutcome(item: item, kind: kind, summary: "Outcome \(kind.rawValue)",
                                                               replaces: world.sim.chance(70) ? replaces : [])))])
    }

    static func step(_ world: World) throws {
        let sim = world.sim
        switch Int.random(in: 0..<100, using: &sim.rng) {
        case 0..<45:
            let item = sim.pick(world.items)
            sim.act(sim.pick(world.delegates + world.chairs),
                    [.postCreate(PostCreate(thread: item, parent: item, body: "Comment", language: .en))],
                    at: sim.chance(30) ? 1_000 : nil)
        case 45..<55: try close(world, .comment, item: sim.chance(50) ? sim.pick(world.items) : nil)
        case 55..<60: try close(world, .concerns, item: nil)
        case 60..<75: try outcome(world)
        case 75..<90:
            sim.act(sim.pick(world.delegates), [.meeting(.concern(MeetingConcern(item: sim.pick(world.items), text: "Concern")))])
        default:
            let chair = sim.pick(world.chairs)
            let concerns = try world.items.flatMap { try sim.actors[chair].store.agendaItem($0.hex).item.concerns }
            guard !concerns.isEmpty, let concern = EntityID(hex: sim.pick(concerns).id) else { return }
            sim.act(chair, [.meeting(.answer(MeetingAnswer(concern: concern, text: "Answered")))])
        }
    }

    @Test(arguments: PropertySeeds.all)
    func outcomesClosesAndLateCommentsConverge(seed: UInt64) throws {
        let world = try Self.world(seed: seed)
        for _ in 0..<50 {
            try Self.step(world)
            try world.sim.weather()
        }
        try Self.close(world, .comment, item: nil)
        try Self.outcome(world)
        let stores = try world.sim.expectConvergence()
        let expected = try stores[0].meeting(world.meeting.hex)
        #expect(expected.phases.first { $0.phase == "comment" }?.closed == true)
        for store in stores {
            #expect(try store.meeting(world.meeting.hex) == expected)
        }
        for item in expected.agenda {
            #expect(item.outcomes.filter(\.stands).count == (item.outcomes.isEmpty ? 0 : 1))
        }
    }
}
