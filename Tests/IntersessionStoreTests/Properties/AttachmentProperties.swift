import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Members attach files to their posts and a draft, remove their own, and a moderator removes
/// anyone's, under random delivery, duplicates and partitions: every replica comes to the same
/// attachments and removals (the state digest), and a removal made anywhere stands everywhere.
@Suite struct AttachmentProperties {
    static func manifest(_ sim: Simulation, _ number: Int) -> AttachmentManifest {
        let size = Int64.random(in: 1...9_000_000, using: &sim.rng)
        var chunks: [AttachmentManifest.Chunk] = []
        var left = size
        while left > 0 {
            let part = min(left, Int64.random(in: 1...Int64(AttachmentLimits.chunkBytes), using: &sim.rng))
            chunks.append(.init(hash: AttachmentManifest.hash(Array("chunk \(number) \(chunks.count)".utf8)[...]), size: part))
            left -= part
        }
        return AttachmentManifest(name: "file \(number).pdf", mediaType: "application/pdf", size: size,
                                  sha256: AttachmentManifest.hash(Array("file \(number)".utf8)[...]), chunks: chunks)
    }

    @Test(arguments: PropertySeeds.all)
    func attachmentsAndRemovalsConverge(seed: UInt64) throws {
        let sim = try Simulation(seed: seed)
        let moderator = try sim.addActor()
        let members = try (0..<3).map { _ in try sim.addActor() }
        try sim.grant(Dictionary(uniqueKeysWithValues: [(moderator, Role.cochair)] + members.map { ($0, Role.member) }))
        let topic = try Fixture.topicIDs(sim.founder.store)[0]
        var posts: [Int: EntityID] = [:]
        for member in members + [moderator] {
            let change = try #require(sim.act(member, [.threadCreate(ThreadCreate(topic: topic, title: "T\(member)", body: "Body", language: .en))]))
            posts[member] = change.entity(0)
        }
        try sim.deliverAll()
        var made: [(id: EntityID, author: Int)] = []
        for number in 0..<60 {
            switch Int.random(in: 0..<100, using: &sim.rng) {
            case 0..<55:
                let author = sim.pick(members + [moderator])
                if let change = sim.act(author, [.attachment(.add(AttachmentAdd(target: posts[author]!, kind: "post", manifest: Self.manifest(sim, number))))]) {
                    made.append((change.entity(0), author))
                }
            case 55..<80 where !made.isEmpty:
                let attachment = sim.pick(made)
                // Its author removes it, or the moderator does, once each may know it.
                let remover = sim.chance(50) ? attachment.author : moderator
                if try sim.actors[remover].store.attachment(attachment.id) != nil {
                    sim.act(remover, [.attachment(.remove(AttachmentRemove(attachment: attachment.id, reason: sim.chance(50) ? "wrong file" : nil)))])
                }
            default:
                break
            }
            try sim.weather()
        }
        let stores = try sim.expectConvergence()
        let expected = try stores[0].attachments(includingRemoved: true)
        #expect(expected.count == made.count)
        for store in stores {
            #expect(try store.attachments(includingRemoved: true) == expected)
        }
    }
}
