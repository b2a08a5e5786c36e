import Foundation
import GRDB
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Votes racing closes, and a voter whose feed forks, under random delivery: every replica
/// holds the same state and shows the same record and counts.
@Suite struct VoteCloseProperties {
    struct World {
        let sim: Simulation
        let closers: [Int]
        let voters: [Int]
        let poll: EntityID
    }

    static func world(seed: UInt64, unit: PollUnit) throws -> World {
        let sim = try Simulation(seed: seed)
        let cochair = try sim.addActor()
        let voters = try (0..<4).map { _ in try sim.addActor() }
        try sim.grant([cochair: .cochair].merging(voters.map { ($0, Role.member) }) { $1 })
        for (index, voter) in voters.enumerated() {
            sim.act(voter, [.memberProfile(MemberProfile(name: "V\(index)", organisation: "Org \(index % 2)", language: .en))])
        }
        let create = sim.act(cochair, [.pollCreate(PollCreate(
            kind: .single, title: "Venue", text: "", options: ["Brussels", "Geneva", "Online"], electorate: [.member], unit: unit,
            deadline: 9_000_000, hiddenUntilClose: false, majority: .simple))])
        let poll = try #require(create).entity(0)
        try sim.deliverAll()
        return World(sim: sim, closers: [0, cochair], voters: voters, poll: poll)
    }

    static func vote(_ world: World, as voter: Int) {
        world.sim.act(voter, [.pollVote(PollVote(poll: world.poll, options: [Int.random(in: 0..<3, using: &world.sim.rng)]))],
                      references: [world.poll])
    }

    static func close(_ world: World, as closer: Int) throws {
        let heads = try world.sim.actors[closer].store.feedHeads()
        world.sim.act(closer, [.pollClose(PollClose(poll: world.poll, frontier: heads))], references: [world.poll],
                      deps: CloseFrontier.dependencies(heads))
    }

    /// What every replica must show alike, and what must hold on each.
    static func expectSameRecord(_ stores: [AppDatabase], poll: EntityID, unit: PollUnit) throws {
        let expected = try stores[0].poll(poll.hex)
        // Every scenario closes at least once, and a close always ends up applied.
        #expect(expected.summary.closed)
        for store in stores {
            let detail = try store.poll(poll.hex)
            #expect(detail == expected)
            #expect(try store.polls().first { $0.id == poll.hex } == detail.summary)
            let tallied = detail.result?.counts.values.reduce(0, +) ?? 0
            // The count shown is the count tallied: one per voter (or delegation) that counts.
            #expect(detail.summary.voters == tallied)
            if unit == .person { #expect(detail.summary.voters == detail.voterNames.count) }
        }
    }

    @Test(arguments: PropertySeeds.all)
    func votesRacingClosesGiveOneRecord(seed: UInt64) throws {
        for unit in [PollUnit.person, .delegation] {
            let world = try Self.world(seed: seed, unit: unit)
            let sim = world.sim
            for step in 0..<40 {
                // At least one close, with ballots on either side of it.
                if sim.chance(8) || step == 20 {
                    try Self.close(world, as: sim.pick(world.closers))
                } else {
                    Self.vote(world, as: sim.pick(world.voters))
                }
                try sim.weather()
            }
            let stores = try sim.expectConvergence()
            try Self.expectSameRecord(stores, poll: world.poll, unit: unit)
        }
    }

    @Test(arguments: PropertySeeds.all)
    func aForkedVoterRacingACloseGivesOneRecord(seed: UInt64) throws {
        let world = try Self.world(seed: seed, unit: .person)
        let sim = world.sim
        let forked = world.voters[0]
        let copy = try sim.cloneActor(forked)
        let voters = world.voters + [copy]
        for _ in 0..<40 {
            if sim.chance(6) {
                try Self.close(world, as: sim.pick(world.closers))
            } else {
                Self.vote(world, as: sim.pick(voters))
            }
            try sim.weather()
        }
        // Both copies sign once more, neither hearing the other: the feed forks, if it had not.
        Self.vote(world, as: forked)
        Self.vote(world, as: copy)
        try Self.close(world, as: world.closers[1])
        let stores = try sim.expectConvergence()
        try Self.expectSameRecord(stores, poll: world.poll, unit: .person)
        let feed = sim.actors[forked].key.feed
        for store in stores { #expect(try store.feedProgress()[feed]?.frozenFrom != nil) }
        do {
            // Nothing of the forked feed from its fork point counts.
            let frozen = try #require(try stores[0].feedProgress()[feed]?.frozenFrom)
            let ballots = try stores[0].read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM ballot b JOIN feed f ON f.id = b.feed WHERE f.key = ? AND b.seq >= ?",
                                 arguments: [feed.bytes.blob, frozen]) ?? 0
            }
            #expect(ballots == 0)
        }
    }
}
