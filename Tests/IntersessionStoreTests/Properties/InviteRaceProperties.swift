import Foundation
import GRDB
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Redemptions of one invite racing each other, one of them backdated (an impostor joining from
/// an old copy of the folder with their clock set just after the invite), while members post.
@Suite struct InviteRaceProperties {
    @Test(arguments: PropertySeeds.all)
    func inviteRedemptionsConverge(seed: UInt64) throws {
        let sim = try Simulation(seed: seed)
        let member = try sim.addActor()
        try sim.grant([member: .member])
        let topic = try #require(try Fixture.topicIDs(sim.founder.store).first)
        var invites: [(id: EntityID, key: DeviceKey, signedAt: Int)] = []
        for step in 0..<36 {
            // The race the issue tells of, always: an invite, its invitee, and a backdated impostor.
            let roll = step < 3 ? [0, 2, 3][step] : Int.random(in: 0..<10, using: &sim.rng)
            switch roll {
            case 0..<2:
                let inviteKey = DeviceKey()
                let invite = MemberInvite(key: inviteKey.feed, role: sim.pick([.member, .observer, .expert]), name: "Guest \(step)",
                                          organisation: "Org \(step)", expires: sim.now + 1_000_000)
                if let change = sim.act(0, [.memberInvite(invite)]) {
                    invites.append((change.entity(0), inviteKey, sim.changes.count))
                }
            case 2..<5 where !invites.isEmpty:
                let invite = step < 3 ? invites[0] : sim.pick(invites)
                try redeem(invite, in: sim, backdated: step == 2 || (step > 2 && sim.chance(40)), step: step)
            case 5..<8:
                if let poster = sim.actors.indices.randomElement(using: &sim.rng) {
                    sim.act(poster, [.threadCreate(ThreadCreate(topic: topic, title: "Note \(step)", body: "Body \(step)", language: .en))],
                            references: [topic])
                }
            default:
                break
            }
            try sim.weather()
        }
        let stores = try sim.expectConvergence()
        let contested = try stores[0].read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT invite FROM invite_redemption GROUP BY invite HAVING count(*) > 1)") ?? 0
        }
        #expect(contested > 0)
    }

    /// A new person redeems the invite and posts: either from a store that heard everything so
    /// far, or from an old copy holding the log only up to the invite, with a clock just after it.
    func redeem(_ invite: (id: EntityID, key: DeviceKey, signedAt: Int), in sim: Simulation, backdated: Bool, step: Int) throws {
        let store = try AppDatabase.inMemory()
        let known = backdated ? Array(sim.changes.prefix(invite.signedAt)) : sim.changes
        try store.apply(known)
        let key = DeviceKey()
        guard let group = try store.groupID() else { return }
        let proof = MemberJoin.proof(group: group, feed: key.feed, inviteKey: invite.key)
        let inviteTime = known.last?.body.hlc.millis ?? sim.now
        let join = try? store.author(
            ops: [.memberJoin(MemberJoin(invite: invite.id, proof: proof)),
                  .memberProfile(MemberProfile(name: "Joiner \(step)", organisation: "Org", language: .fr))],
            references: [invite.id], key: key, now: backdated ? inviteTime + 1 : sim.now)
        guard let join else { return }
        sim.publish(join, by: 0)
        if let topic = try Fixture.topicIDs(store).first,
            let post = try? store.author(ops: [.threadCreate(ThreadCreate(topic: topic, title: "Hello \(step)", body: "Joined", language: .fr))],
                                         references: [topic], key: key, now: (backdated ? inviteTime : sim.now) + 2)
        {
            sim.publish(post, by: 0)
        }
    }
}
