import Foundation
import Synchronization
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

/// Four replicas, a founder on a folder, two delegates on the remote only and one on both (the
/// relay), post and reply while the remote fails requests at random rates and two replicas
/// sometimes sync at the same moment (their journal claims race). Once the faults stop and
/// everyone syncs a few rounds, every replica holds the same state, and a newcomer reading the
/// remote alone reaches it too.
@Suite struct RemoteProperties {
    @Test(arguments: SyncPropertySeeds.all, [false, true])
    func replicasOnAFlakyRemoteConverge(seed: UInt64, sealed: Bool) throws {
        var rng = SplitMix64(seed: seed &* 0x9E37_79B9 &+ 20)
        let temp = TemporaryFolder()
        let remote = MemoryObjectStore()
        let replicas = try Group.make(in: temp, members: 3, sealed: sealed)
        _ = try RememberedFolders(store: replicas[0].store).add(replicas[0].folders)
        try replicas[1].useRemote()
        try replicas[2].useRemote(folders: replicas[0].folders)
        try replicas[3].useRemote()
        let healing = HealingProperties()
        var now: Int64 = 1_790_000_100_000
        for step in 0..<45 {
            now += Int64.random(in: 1...2_000, using: &rng)
            remote.failEvery = [0, 0, 2, 3, 5].randomElement(using: &rng)!
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<4: try healing.act(replicas.randomElement(using: &rng)!, step: step, now: now, rng: &rng)
            case 4..<8: _ = try replicas.randomElement(using: &rng)!.sync(through: remote)
            default: try Self.syncAtOnce(replicas.shuffled(using: &rng).prefix(2), through: remote)
            }
        }
        remote.failEvery = 0
        for _ in 0..<3 { for replica in replicas { _ = try replica.sync(through: remote) } }
        let digests = try replicas.map { try $0.store.stateDigest() }
        #expect(Set(digests).count == 1, "seed \(seed), sealed \(sealed)")
        #expect(try replicas.allSatisfy { try $0.store.pendingCount() == 0 }, "seed \(seed)")
        let fresh = try Self.newcomer(of: replicas[0], from: remote, in: temp)
        #expect(try fresh.stateDigest() == digests[0], "seed \(seed), sealed \(sealed)")
    }

    /// Two syncs on two threads, as two people's machines would run them.
    static func syncAtOnce(_ pair: ArraySlice<Replica>, through remote: MemoryObjectStore) throws {
        let pair = Array(pair)
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: pair.count) { index in
            do { _ = try pair[index].sync(through: remote) } catch { errors.withLock { $0.append("\(error)") } }
        }
        let failed = errors.withLock { $0 }
        #expect(failed.isEmpty, "\(failed)")
    }

    /// A store that knows only the genesis (and the epoch keys a member device would have
    /// opened) and syncs with the remote alone.
    static func newcomer(of founder: Replica, from remote: MemoryObjectStore, in temp: TemporaryFolder) throws -> AppDatabase {
        let home = ProfileHome(folder: URL(fileURLWithPath: temp.path + "/remote-newcomer"))
        let key = DeviceKey()
        _ = try home.create(key: key)
        let store = try home.createStore()
        try store.apply([try founder.store.genesis()!])
        try store.holdEpochKeys(try founder.store.heldEpochKeys())
        let replica = Replica(name: "newcomer", home: home, store: store, key: key, folders: [])
        try replica.useRemote()
        for _ in 0..<2 { _ = try SyncEngine(store: store, connector: RemoteConnector { _ throws(RemoteError) in remote }).sync(folders: try RememberedFolders(store: store).list()) }
        return store
    }
}
