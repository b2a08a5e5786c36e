import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Two practices taken through their workflow by their submitters, the secretariat and two
/// co-chairs acting on what each has heard, under random delivery, duplicates and partitions:
/// concurrent steps (an update against a review, a withdrawal against a publication, two
/// endorsements) come to one history, one state digest, on every replica.
@Suite struct PracticeProperties {
    struct World {
        let sim: Simulation
        let chairs: [Int]
        let submitters: [Int]
        let practices: [EntityID]
        let editions: [EntityID]
    }

    static func content(_ title: String, topic: EntityID) -> PracticeContent {
        PracticeContent(title: LocalizedText(english: title, french: "FR " + title), summary: LocalizedText(english: "Summary", french: nil),
                        original: .en, topics: [topic])
    }

    static func world(seed: UInt64) throws -> World {
        let sim = try Simulation(seed: seed)
        let chairs = try (0..<2).map { _ in try sim.addActor() }
        let submitters = try (0..<2).map { _ in try sim.addActor() }
        try sim.grant(Dictionary(uniqueKeysWithValues: chairs.map { ($0, Role.cochair) } + submitters.map { ($0, Role.member) }))
        let topic = try Fixture.topicIDs(sim.founder.store)[0]
        let practices = try submitters.enumerated().map { index, submitter in
            try #require(sim.act(submitter, [.practice(.create(PracticeCreate(content: content("Practice \(index)", topic: topic),
                                                                              draft: index == 0)))])).entity(0)
        }
        let editions = try ["2026 edition", "2027 edition"].map { title in
            try #require(sim.act(0, [.practice(.editionNew(EditionNew(title: LocalizedText(english: title, french: nil))))])).entity(0)
        }
        try sim.deliverAll()
        return World(sim: sim, chairs: chairs, submitters: submitters, practices: practices, editions: editions)
    }

    /// A step by someone who may take it, from where the practice stands on their replica.
    static func step(_ world: World) throws {
        let sim = world.sim
        let index = Int.random(in: 0..<world.practices.count, using: &sim.rng)
        let practice = world.practices[index]
        let kind = sim.pick(PracticeStepKind.allCases.filter { $0 != .create })
        let actor: Int
        switch kind.actor {
        case .submitter: actor = sim.chance(90) ? world.submitters[index] : sim.pick(world.chairs)
        case .secretariat: actor = 0
        case .cochair: actor = sim.pick(world.chairs)
        case .officer: actor = sim.pick(world.chairs + [0])
        }
        guard let seen = try? sim.actors[actor].store.practice(practice.hex), let after = EntityID(hex: seen.summary.latest) else { return }
        let topic = try Fixture.topicIDs(sim.founder.store)[0]
        let step = PracticeStep(
            practice: practice, after: after, kind: kind,
            content: kind == .update ? content("Practice \(index) rev \(Int.random(in: 0..<1000, using: &sim.rng))", topic: topic) : nil,
            edition: kind == .publish ? sim.pick(world.editions) : nil,
            newer: kind == .supersede ? world.practices[1 - index] : nil, note: kind == .return ? "Add results" : nil)
        sim.act(actor, [.practice(.step(step))])
    }

    /// The secretariat puts a version it has seen in an edition (it counts once published).
    static func addToEdition(_ world: World) throws {
        let sim = world.sim
        let practice = sim.pick(world.practices)
        guard let seen = try? sim.actors[0].store.practice(practice.hex), let version = seen.versions.randomElement(using: &sim.rng),
            let versionID = EntityID(hex: version.id)
        else { return }
        sim.act(0, [.practice(.editionAdd(EditionAdd(edition: sim.pick(world.editions), practice: practice, version: versionID)))])
    }

    @Test(arguments: PropertySeeds.all)
    func concurrentStepsComeToOneHistoryEverywhere(seed: UInt64) throws {
        let world = try Self.world(seed: seed)
        for _ in 0..<60 {
            if world.sim.chance(85) { try Self.step(world) } else { try Self.addToEdition(world) }
            try world.sim.weather()
        }
        let stores = try world.sim.expectConvergence()
        for practice in world.practices {
            let expected = try stores[0].practice(practice.hex)
            for store in stores { #expect(try store.practice(practice.hex) == expected) }
            let standing = expected.history.filter(\.stands)
            #expect(standing.first?.kind == "create")
            #expect(standing.last?.id == expected.summary.latest)
            #expect(standing.last?.state == expected.summary.state)
            // The steps that stand form one chain, each following the one before.
            for (earlier, later) in zip(standing, standing.dropFirst()) { #expect(later.after == earlier.id) }
            #expect(expected.versions.map(\.number) == Array(1...max(1, expected.versions.count)))
        }
        for edition in world.editions {
            let expected = try stores[0].edition(edition.hex)
            for store in stores { #expect(try store.edition(edition.hex) == expected) }
        }
    }
}
