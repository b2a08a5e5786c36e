import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Concurrent edits of one draft, and a penholder list changing while penholders edit offline:
/// every replica ends with the same text, the same record of what counted, equal to a rebuild;
/// and at every step, on every replica, the draft opened from its stored rows (text, blame,
/// flags) is the draft a replay of its edits gives.
@Suite struct DraftProperties {
    struct World {
        let sim: Simulation
        let cochair: Int
        let penholders: [Int]
        let draft: String
    }

    static func world(seed: UInt64) throws -> World {
        let sim = try Simulation(seed: seed)
        let cochair = try sim.addActor()
        let penholders = try (0..<3).map { _ in try sim.addActor() }
        try sim.grant([cochair: .cochair].merging(penholders.map { ($0, Role.member) }) { $1 })
        let topic = try #require(try Fixture.topicIDs(sim.founder.store).first)
        let create = try #require(sim.act(cochair, [.draftCreate(DraftCreate(
            title: "Guidelines", topic: topic, language: .en, symbol: "WGEC/2026/9",
            penholders: penholders.map { sim.actors[$0].key.feed }))], references: [topic]))
        let draft = create.entity(0).hex
        try sim.deliverAll()
        return World(sim: sim, cochair: cochair, penholders: penholders, draft: draft)
    }

    /// Inserts or deletes a word somewhere in the actor's current text, and saves.
    static func edit(_ world: World, as actor: Int) {
        let sim = world.sim
        let store = sim.actors[actor].store
        guard let text = try? store.draft(world.draft).text else { return }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.count > 3, sim.chance(30) {
            words.remove(at: Int.random(in: 0..<words.count, using: &sim.rng))
        } else {
            words.insert(sim.pick(["customs", "data", "douane", "e-commerce", "risk", "\n\n¶"]), at: Int.random(in: 0...words.count, using: &sim.rng))
        }
        sim.advanceClock()
        if let change = try? store.saveDraft(world.draft, text: words.joined(separator: " "), key: sim.actors[actor].key, now: sim.now) {
            sim.publish(change, by: actor)
        }
    }

    static func run(seed: UInt64, penholderChanges: Int) throws {
        let world = try Self.world(seed: seed)
        let sim = world.sim
        for step in 0..<40 {
            let changesPenholders = penholderChanges > 0 && (step == 10 || sim.chance(penholderChanges))
            if changesPenholders, let draft = EntityID(hex: world.draft) {
                let list = world.penholders.filter { _ in sim.chance(60) }.map { sim.actors[$0].key.feed }
                let actor = sim.pick([0, world.cochair])
                if let change = try? sim.actors[actor].store.penholderChange(draft: draft, to: list) {
                    sim.act(actor, [.draftPenholders(change.op)], references: [draft], deps: change.dependsOn)
                }
            } else {
                Self.edit(world, as: sim.pick(world.penholders + [world.cochair]))
            }
            try sim.weather()
            for actor in sim.actors.indices { try Self.expectStoredIsReplayed(sim.actors[actor].store, world.draft, step: step) }
        }
        let stores = try sim.expectConvergence()
        let digest = try Self.stateDigest(stores[0].draft(world.draft))
        for store in stores {
            try Self.expectStoredIsReplayed(store, world.draft, step: 40)
            #expect(try Self.stateDigest(store.draft(world.draft)) == digest)
        }
    }

    /// The draft as it opens, text, blame and flags, as canonical bytes.
    static func stateDigest(_ detail: DraftDetail) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(detail)
    }

    static func expectStoredIsReplayed(_ store: AppDatabase, _ draft: String, step: Int) throws {
        let stored = try store.draft(draft), replayed = try store.draft(draft, reading: .replayed)
        #expect(try stateDigest(stored) == stateDigest(replayed), "stored and replayed differ at step \(step)")
    }

    @Test(arguments: PropertySeeds.all)
    func concurrentDraftEditsConverge(seed: UInt64) throws {
        try Self.run(seed: seed, penholderChanges: 0)
    }

    /// Seed 19 once found a removal arriving after an edit refused for its text (built on an
    /// edit that never counted): the refusal's reason must be judged again, as a counted edit is.
    @Test(arguments: Array(Set(PropertySeeds.all + [19])).sorted())
    func penholderRemovalRacingEditsConverges(seed: UInt64) throws {
        try Self.run(seed: seed, penholderChanges: 15)
    }
}
