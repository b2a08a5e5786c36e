import Foundation
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

/// Four replicas, each with its own folder, post and reply while a sync tool moves files between
/// the folders as Syncthing does (what a folder lacks, and a newer version over an older one,
/// times kept), and files are lost, truncated, flipped, replaced with garbage, and copied under
/// another valid name or a conflict copy's name. Once the damage stops and every replica syncs
/// a few rounds, every replica holds the same state, and a newcomer reading any one folder
/// alone reaches it too. The same in a sealed group, whose files are sealed (a flipped byte there
/// is a damaged ciphertext, or a header that no key claims).
@Suite struct HealingProperties {
    @Test(arguments: SyncPropertySeeds.all, [false, true])
    func damagedFoldersHealAndANewcomerJoinsFromAnyFolder(seed: UInt64, sealed: Bool) throws {
        var rng = SplitMix64(seed: seed &* 0x9E37_79B9 &+ 29)
        let temp = TemporaryFolder()
        let replicas = try Group.make(in: temp, members: 3, sealed: sealed)
        let folders = replicas.map { $0.folders[0] }
        var now: Int64 = 1_790_000_100_000
        for step in 0..<90 {
            now += Int64.random(in: 1...2_000, using: &rng)
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<3: try act(replicas.randomElement(using: &rng)!, step: step, now: now, rng: &rng)
            case 3..<5: _ = try replicas.randomElement(using: &rng)!.sync()
            case 5..<8:
                let (from, to) = (Int.random(in: 0..<4, using: &rng), Int.random(in: 0..<4, using: &rng))
                if from != to { try SyncTool.deliver(from: folders[from], to: folders[to], some: true, rng: &rng) }
            default: try FolderDamage.strike(folders.randomElement(using: &rng)!, rng: &rng)
            }
        }
        // The damage stops; people keep working a little, and everything syncs a few rounds.
        for (index, replica) in replicas.enumerated() { try replica.post("After the damage \(index)", now: now + Int64(index)) }
        for _ in 0..<3 {
            for replica in replicas { _ = try replica.sync() }
            for from in 0..<4 { for to in 0..<4 where to != from { try SyncTool.deliver(from: folders[from], to: folders[to], some: false, rng: &rng) } }
        }
        for replica in replicas { _ = try replica.sync() }
        let digests = try replicas.map { try $0.store.stateDigest() }
        if Set(digests).count != 1 {
            for replica in replicas { print("seed \(seed) \(replica.name): feeds (head/logged/frozen)", try Self.progress(replica.store)) }
        }
        #expect(Set(digests).count == 1, "seed \(seed), sealed \(sealed)")
        #expect(try replicas.allSatisfy { try $0.store.pendingCount() == 0 }, "seed \(seed)")
        let genesis = try replicas[0].store.genesis()!
        let chosen = folders.randomElement(using: &rng)!
        let fresh = try newcomer(from: chosen, genesis: genesis, keys: try replicas[0].store.heldEpochKeys(), in: temp)
        if try fresh.stateDigest() != digests[0] { print("seed \(seed) newcomer from \(chosen):", try Self.progress(fresh)) }
        #expect(try fresh.stateDigest() == digests[0], "seed \(seed), sealed \(sealed)")
        #expect(try fresh.pendingCount() == 0, "seed \(seed)")
    }

    static func progress(_ store: AppDatabase) throws -> [String] {
        try store.feedProgress().map { "\($0.key.short) \($0.value.head)/\($0.value.logged)/\($0.value.frozenFrom ?? 0)" }.sorted()
    }

    func act(_ replica: Replica, step: Int, now: Int64, rng: inout SplitMix64) throws {
        let threads = try replica.store.threads(topic: nil)
        guard !threads.isEmpty, Bool.random(using: &rng) else {
            try replica.post("Thread \(step)", now: now)
            return
        }
        let thread = try replica.store.thread(threads.randomElement(using: &rng)!.id)
        let parent = EntityID(hex: thread.posts.randomElement(using: &rng)!.id)!
        _ = try replica.store.author(
            ops: [.postCreate(PostCreate(thread: EntityID(hex: thread.thread.id)!, parent: parent, body: "Reply \(step)", language: .fr))],
            references: [parent], key: replica.key, now: now)
    }
}

/// A sync tool between two folders, as Syncthing behaves: a file the target lacks is copied, a
/// newer version replaces an older one, and the modification time travels with the file.
enum SyncTool {
    static func deliver(from source: String, to target: String, some: Bool, rng: inout SplitMix64) throws {
        for file in FolderCopy.files(under: source).sorted() where !some || Bool.random(using: &rng) {
            let from = source + "/" + file, to = target + "/" + file
            guard let status = FileStatus(path: from) else { continue }
            if let existing = FileStatus(path: to) {
                guard status.mtime > existing.mtime,
                    (try? Data(contentsOf: URL(fileURLWithPath: from))) != (try? Data(contentsOf: URL(fileURLWithPath: to)))
                else { continue }
            }
            try FileManager.default.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // Written aside and renamed over, as Syncthing does: the folder's time moves.
            try Data(contentsOf: URL(fileURLWithPath: from)).write(to: URL(fileURLWithPath: to), options: .atomic)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(status.mtime) / 1e9)],
                                                  ofItemAtPath: to)
        }
    }
}

/// What happens to files in a shared folder between two syncs.
enum FolderDamage {
    static func strike(_ folder: String, rng: inout SplitMix64) throws {
        let segments = FolderCopy.files(under: folder).sorted().filter { $0.contains("/feeds/") && $0.hasSuffix(".seg") }
        guard let file = segments.randomElement(using: &rng) else { return }
        let path = folder + "/" + file
        guard var bytes = try? Array(Data(contentsOf: URL(fileURLWithPath: path))), !bytes.isEmpty else { return }
        let directory = (path as NSString).deletingLastPathComponent
        var damaged = path
        switch Int.random(in: 0..<6, using: &rng) {
        case 0:
            try FileManager.default.removeItem(atPath: path)
            return
        case 1:
            try Data(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng))).write(to: URL(fileURLWithPath: path))
        case 2:
            bytes[Int.random(in: 0..<bytes.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        case 3:
            try Data((0..<Int.random(in: 1...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
                .write(to: URL(fileURLWithPath: path))
        case 4:
            let first = Int64.random(in: 1...12, using: &rng)
            damaged = directory + "/" + SegmentName(firstSeq: first, lastSeq: first + Int64.random(in: 0...2, using: &rng))!.fileName
            try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        default:
            damaged = directory + "/" + (file as NSString).lastPathComponent.replacingOccurrences(
                of: ".seg", with: ".sync-conflict-20261201-\(Int.random(in: 100_000...999_999, using: &rng))-ABCDEFG.seg")
            try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        }
        // A file without a valid trailer is taken for a copy in progress for two minutes: this
        // damage happened long before.
        if isIncomplete(try Array(Data(contentsOf: URL(fileURLWithPath: damaged)))) {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: damaged)
        }
    }

    /// Whether a file reads as a copy in progress: a segment without its trailer, or a sealed
    /// file cut short.
    static func isIncomplete(_ bytes: [UInt8]) -> Bool {
        if bytes.count < SealedFile.headerBytes, SealedFile.magic.starts(with: bytes.prefix(SealedFile.magic.count)) { return true }
        if bytes.starts(with: SealedFile.magic) { return !SealedFile.isWholeLength(bytes.count) }
        do {
            _ = try SegmentFormat.decode(bytes, group: nil, feed: nil, name: nil)
        } catch .incomplete {
            return true
        } catch {}
        return false
    }
}

/// The seeds a property test runs with, as the store's suites take them: `INTERSESSION_SEEDS`
/// of them (3 by default) from `INTERSESSION_SEED_BASE` (0 by default).
enum SyncPropertySeeds {
    static var all: [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["INTERSESSION_SEEDS"].flatMap(Int.init).map { max(1, $0) } ?? 3
        let base = environment["INTERSESSION_SEED_BASE"].flatMap(UInt64.init) ?? 0
        return (0..<UInt64(count)).map { base + $0 }
    }
}
