import Foundation
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

/// Five replicas, each with its own folder, post, reply and edit while a simulated sync tool
/// moves files between folders: partially, out of order, again and again, sometimes half-copied
/// first, with partitions that later heal. At the end every replica holds the same state.
@Suite struct FolderConvergenceTests {
    @Test(arguments: [11, 12, 13] as [UInt64])
    func replicasConvergeThroughFolders(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let temp = TemporaryFolder()
        let replicas = try Group.make(in: temp, members: 4)
        let folders = replicas.map { $0.folders[0] }
        let topics = try replicas[0].store.topics().map { EntityID(hex: $0.id)! }
        var now: Int64 = 1_790_000_100_000
        var partition: Set<Int>? = nil
        // Files still being copied, as "folder|file": a sync tool neither relays nor keeps them.
        var incomplete: Set<String> = []

        func deliver(from: Int, to: Int, allFiles: Bool, rng: inout SplitMix64) throws {
            for file in FolderCopy.files(under: folders[from]) where allFiles || Bool.random(using: &rng) {
                let target = folders[to] + "/" + file
                guard !incomplete.contains("\(from)|\(file)") else { continue }
                let present = FileManager.default.fileExists(atPath: target) && !incomplete.contains("\(to)|\(file)")
                guard !present else { continue }
                if !allFiles, Int.random(in: 0..<6, using: &rng) == 0 {
                    let size = (try? FileManager.default.attributesOfItem(atPath: folders[from] + "/" + file)[.size] as? Int) ?? 0
                    try FolderCopy.copy(file, from: folders[from], to: folders[to], truncatedTo: size / 2)
                    incomplete.insert("\(to)|\(file)")
                } else {
                    try FolderCopy.copy(file, from: folders[from], to: folders[to])
                    incomplete.remove("\(to)|\(file)")
                }
            }
        }

        for step in 0..<160 {
            now += Int64.random(in: 0...2_000, using: &rng)
            let replica = replicas.randomElement(using: &rng)!
            try act(replica, topics: topics, step: step, now: now, rng: &rng)
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<3: _ = try replicas.randomElement(using: &rng)!.sync()
            case 3..<7:
                let (from, to) = (Int.random(in: 0..<5, using: &rng), Int.random(in: 0..<5, using: &rng))
                if let partition, partition.contains(from) != partition.contains(to) { break }
                if from != to { try deliver(from: from, to: to, allFiles: false, rng: &rng) }
            case 7:
                partition = partition == nil ? Set((0..<5).filter { _ in Bool.random(using: &rng) }) : nil
            default: break
            }
        }
        // Heal: copies finish, partitions end, each replica syncs until nothing moves.
        for _ in 0..<3 {
            for replica in replicas { _ = try replica.sync() }
            for from in 0..<5 { for to in 0..<5 where to != from { try deliver(from: from, to: to, allFiles: true, rng: &rng) } }
        }
        for replica in replicas { _ = try replica.sync() }
        let digests = try replicas.map { try $0.store.stateDigest() }
        #expect(Set(digests).count == 1)
        #expect(try replicas.allSatisfy { try $0.store.groupSummary().pending == 0 })
        #expect(try replicas[0].store.members().count == 5)
        #expect(try replicas[0].store.threads(topic: nil).count > 5)
        for replica in replicas {
            try replica.store.rebuild()
            #expect(try replica.store.stateDigest() == digests[0])
        }
    }

    func act(_ replica: Replica, topics: [EntityID], step: Int, now: Int64, rng: inout SplitMix64) throws {
        let threads = try replica.store.threads(topic: nil)
        let roll = Int.random(in: 0..<100, using: &rng)
        if threads.isEmpty || roll < 20 {
            let topic = topics.randomElement(using: &rng)!
            _ = try replica.store.author(
                ops: [.threadCreate(ThreadCreate(topic: topic, title: "Thread \(step)", body: "Opening \(step)", language: .en))],
                references: [topic], key: replica.key, now: now)
            return
        }
        let thread = try replica.store.thread(threads.randomElement(using: &rng)!.id)
        let mine = thread.posts.filter { $0.author == replica.key.feed.hex && !$0.retracted }
        if roll < 80 || mine.isEmpty {
            let parent = EntityID(hex: thread.posts.randomElement(using: &rng)!.id)!
            _ = try replica.store.author(
                ops: [.postCreate(PostCreate(thread: EntityID(hex: thread.thread.id)!, parent: parent,
                                             body: "Reply \(step)", language: .fr))],
                references: [parent], key: replica.key, now: now)
        } else {
            let post = EntityID(hex: mine.randomElement(using: &rng)!.id)!
            _ = try replica.store.author(ops: [.postEdit(PostEdit(post: post, body: "Edit \(step)"))],
                                         references: [post], key: replica.key, now: now)
        }
    }
}
