import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Recommendations recorded by two co-chairs and the secretariat while a proposal is voted on
/// and closed (more than once, racing) and agenda items take outcomes, followed up by whoever
/// has heard of them, under random delivery, duplicates and partitions: every replica comes to
/// one state digest and shows the same recommendations, each carried or not alike.
@Suite struct RecommendationProperties {
    struct World {
        let sim: Simulation
        let recorders: [Int]
        let voters: [Int]
        let poll: EntityID
        let items: [EntityID]
    }

    static func world(seed: UInt64) throws -> World {
        let sim = try Simulation(seed: seed)
        let chairs = try (0..<2).map { _ in try sim.addActor() }
        let voters = try (0..<2).map { _ in try sim.addActor() }
        try sim.grant(Dictionary(uniqueKeysWithValues: chairs.map { ($0, Role.cochair) } + voters.map { ($0, Role.member) }))
        for (index, voter) in voters.enumerated() {
            sim.act(voter, [.memberProfile(MemberProfile(name: "V\(index)", organisation: "Admin \(index)", language: .en))])
        }
        let poll = try #require(sim.act(chairs[0], [.pollCreate(PollCreate(
            kind: .proposal, title: "Adopt the guidelines", text: "", options: [], electorate: [.member], unit: .person,
            deadline: 9_000_000, hiddenUntilClose: false, majority: .simple))])).entity(0)
        let topic = try Fixture.topicIDs(sim.founder.store)[0]
        let meeting = try #require(sim.act(chairs[0], [.meeting(.new(MeetingNew(
            title: "PTC", body: "WGEC", number: "1", mode: .document, starts: "2020-05-18", ends: "2020-07-03",
            presiding: chairs.map { sim.actors[$0].key.feed }, topic: topic)))])).entity(0)
        try sim.deliverAll()
        let items = try ["2", "3"].map { number in
            try #require(sim.act(chairs[0], [.meeting(.item(MeetingItem(
                meeting: meeting, number: number, title: "Item \(number)", text: "", language: .en, purpose: .decision,
                category: .forDiscussion)))])).entity(0)
        }
        try sim.deliverAll()
        return World(sim: sim, recorders: [0] + chairs, voters: voters, poll: poll, items: items)
    }

    /// A recommendation on a decision as the recorder sees it: the poll's counting close, an
    /// outcome it has heard of (adopting or not), or a close it has not heard of.
    static func record(_ world: World) throws {
        let sim = world.sim
        let recorder = sim.pick(world.recorders)
        let store = sim.actors[recorder].store
        let outcomes = try world.items.flatMap { try store.agendaItem($0.hex).item.outcomes }.compactMap { EntityID(hex: $0.id) }
        let decision: AdoptingDecision
        if sim.chance(50), let close = try store.countingClose(of: world.poll.hex) {
            decision = .poll(world.poll, close: close)
        } else if sim.chance(70), !outcomes.isEmpty {
            decision = .outcome(sim.pick(outcomes))
        } else {
            // A close from another replica, maybe one this recorder has not heard.
            let other = sim.pick(Array(sim.actors.indices))
            guard let close = try sim.actors[other].store.countingClose(of: world.poll.hex) else { return }
            decision = .poll(world.poll, close: close)
        }
        let body = sim.pick(CommitteeBody.allCases)
        sim.act(recorder, [.recommendation(.new(RecommendationNew(text: "Recommendation \(Int.random(in: 0..<1000, using: &sim.rng))",
                                                                  language: .en, body: body, level: body == .pc ? .policy : .technical,
                                                                  decision: decision)))])
    }

    /// A follow-up by a recorder (or now and then a voter, who is refused) on one it has heard of.
    static func followUp(_ world: World, by chosen: Int? = nil) throws {
        let sim = world.sim
        let actor = chosen ?? (sim.chance(85) ? sim.pick(world.recorders) : sim.pick(world.voters))
        let known = try sim.actors[actor].store.recommendations().compactMap { EntityID(hex: $0.id) }
        guard !known.isEmpty else { return }
        sim.act(actor, [.recommendation(.followUp(RecommendationFollowUp(recommendation: sim.pick(known), text: "The body took note.")))])
    }

    static func step(_ world: World) throws {
        let sim = world.sim
        switch Int.random(in: 0..<100, using: &sim.rng) {
        case 0..<20:
            let position = sim.pick([Position.agree, .agree, .disagree])
            sim.act(sim.pick(world.voters), [.pollVote(PollVote(poll: world.poll, position: position))], references: [world.poll])
        case 20..<30:
            let closer = sim.pick(world.recorders)
            let heads = try sim.actors[closer].store.feedHeads()
            sim.act(closer, [.pollClose(PollClose(poll: world.poll, frontier: heads))], references: [world.poll],
                    deps: CloseFrontier.dependencies(heads))
        case 30..<45:
            let kind = sim.pick([OutcomeKind.adopted, .endorsed, .deferred, .noted])
            sim.act(sim.pick(Array(world.recorders.dropFirst())), [.meeting(.outcome(MeetingOutcome(
                item: sim.pick(world.items), kind: kind, summary: "Outcome \(kind.rawValue)", replaces: [])))])
        case 45..<75: try record(world)
        default: try followUp(world)
        }
    }

    @Test(arguments: PropertySeeds.all)
    func recommendationsAndFollowUpsConvergeEverywhere(seed: UInt64) throws {
        let world = try Self.world(seed: seed)
        for _ in 0..<60 {
            try Self.step(world)
            try world.sim.weather()
        }
        // Whatever the seed drew, the run ends with a follow-up by a recorder who has heard
        // of every recommendation the others let through.
        world.sim.heal()
        try Self.followUp(world, by: world.recorders[0])
        let stores = try world.sim.expectConvergence()
        let expected = try stores[0].recommendations()
        #expect(!expected.isEmpty && expected.contains { !$0.followUps.isEmpty }, "the scenario records and follows up")
        for store in stores {
            #expect(try store.recommendations() == expected)
        }
        // What the rules let through, every replica let through: an outcome that adopts, a
        // poll by its close, follow-ups by those who record recommendations.
        let recorders = Set(world.recorders.map { world.sim.actors[$0].key.feed.hex })
        for recommendation in expected {
            #expect(recorders.contains(recommendation.by.feed))
            #expect(recommendation.followUps.allSatisfy { recorders.contains($0.by.feed) })
            if recommendation.decisionKind == "outcome" { #expect(recommendation.carried) }
        }
    }
}
