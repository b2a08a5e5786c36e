import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionResources
import IntersessionStore
import IntersessionSync

/// Two secretariat devices remove two members at once, offline; their changes reach five
/// replicas in random orders, with duplicates. Every replica picks the same current epoch at
/// every point where it holds the same changes; after the secretariat devices renew (in any
/// order, even both at once), the epoch every replica settles on is wrapped for neither removed
/// member, and every remaining member holds its key.
@Suite struct EpochRaceTests {
    static var seeds: [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["INTERSESSION_SEEDS"].flatMap(Int.init).map { max(1, $0) } ?? 3
        let base = environment["INTERSESSION_SEED_BASE"].flatMap(UInt64.init) ?? 0
        return (0..<UInt64(count)).map { base + $0 }
    }

    @Test(arguments: seeds) func concurrentRemovalsResolveTheSameEverywhere(seed: UInt64) throws {
        let group = try SealedGroupFixture(members: ["second", "x", "y", "m"])
        try group.secretariat.grant(.secretariat, to: group.actions["second"]!.me.hex)
        try group.syncAll()
        let first = group.secretariat, second = group.actions["second"]!
        let x = group.actions["x"]!.me, y = group.actions["y"]!.me
        try first.remove(x.hex)
        try second.remove(y.hex)
        var generator = SplitMix64(seed: seed)
        let replicas = group.all
        try Self.deliverRandomly(among: replicas, using: &generator)
        let chosen = try Set(replicas.map { try $0.store.currentEpoch() })
        #expect(chosen.count == 1)
        // Renewal in a random order; sometimes both before either sees the other's.
        let renewers = [first, second].shuffled(using: &generator)
        if Bool.random(using: &generator) {
            for renewer in renewers { _ = try renewer.renewEpochIfNeeded() }
        } else {
            _ = try renewers[0].renewEpochIfNeeded()
            try Self.deliverRandomly(among: replicas, using: &generator)
            _ = try renewers[1].renewEpochIfNeeded()
        }
        try Self.deliverRandomly(among: replicas, using: &generator)
        let settled = try Set(replicas.map { try $0.store.currentEpoch() })
        #expect(settled.count == 1)
        guard let epoch = settled.first ?? nil else { Issue.record("no epoch"); return }
        let recipients = try first.store.epochRecipients(epoch.id)
        #expect(!recipients.contains(x) && !recipients.contains(y))
        for replica in replicas {
            let held = try FolderSealing.load(store: replica.store, device: replica.key)?.keyring.entry(epoch.id.hex) != nil
            #expect(held == ![x, y].contains(replica.me), "replica \(replica.me.short)")
        }
        // Nothing more to renew once every replica agrees.
        #expect(try !first.renewEpochIfNeeded() && !second.renewEpochIfNeeded())
    }

    /// Every change any replica holds reaches every other, in random order and batches, some twice.
    static func deliverRandomly(among replicas: [Actions], using generator: inout SplitMix64) throws {
        var all: [SignedChange] = []
        for replica in replicas {
            for (feed, progress) in try replica.store.feedProgress() where progress.logged > 0 {
                all += try replica.store.changes(of: feed, in: 1...progress.logged)
            }
        }
        for replica in replicas.shuffled(using: &generator) {
            var batch = all.shuffled(using: &generator)
            batch += batch.prefix(batch.count / 4)
            while !batch.isEmpty {
                let size = Int.random(in: 1...max(1, batch.count), using: &generator)
                _ = try replica.store.apply(Array(batch.prefix(size)))
                batch.removeFirst(size)
            }
        }
    }
}

/// A sealed group in a temporary folder: its secretariat and members who joined by invite
/// through one shared folder, each acting through their own `Actions`.
final class SealedGroupFixture {
    let root: URL
    let shared: String
    let clock = TestClock()
    var homes: [String: ProfileHome] = [:]
    var actions: [String: Actions] = [:]
    let secretariat: Actions

    init(members: [String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sealed-\(UUID().uuidString)")
        shared = root.appendingPathComponent("shared").path
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        let template = try GroupTemplate(json: Array(EmbeddedResources.template(named: "blank")!))
        let home = ProfileHome(folder: root.appendingPathComponent("secretariat"))
        let clock = self.clock
        let founded = try Membership.found(home: home, template: template, title: "Race",
                                           founder: MemberProfile(name: "Sec", organisation: "WCO", language: .en), now: clock.tick())
        _ = try RememberedFolders(store: founded.store).add([shared])
        secretariat = try Actions(store: founded.store, key: founded.key, folders: [shared], clock: clock.tick)
        for name in members {
            let invite = try secretariat.invite(name: name, organisation: "Org", role: .member, to: root.appendingPathComponent(name + ".invite").path).file
            let memberHome = ProfileHome(folder: root.appendingPathComponent(name))
            _ = try Membership.join(invite, home: memberHome, profile: MemberProfile(name: name, organisation: "Org", language: .en),
                                    folder: shared, now: clock.tick())
            homes[name] = memberHome
            actions[name] = try Actions(home: memberHome, clock: clock.tick)
        }
        try syncAll()
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var all: [Actions] { [secretariat] + actions.keys.sorted().map { actions[$0]! } }

    /// Two rounds of every replica syncing the shared folder, the secretariat renewing.
    func syncAll() throws {
        for _ in 0..<2 {
            for replica in all { _ = try replica.publish() }
            _ = try secretariat.renewEpochIfNeeded()
        }
        for replica in all { _ = try replica.publish() }
    }
}

/// A clock that moves a second at each reading.
final class TestClock: @unchecked Sendable {
    private var now: Int64 = 1_795_000_000_000

    func tick() -> Int64 {
        now += 1_000
        return now
    }
}
