import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// Issue 13's rotation figure: the secretariat starts a new epoch for every member device of a
/// sealed group (what a removal or a renewal does): the epoch made (a fresh key wrapped for
/// each device's published agreement key with HPKE), the change signed and applied, then the
/// sync that writes its key file and its segment. Then the sync by which the member whose
/// envelope sorts last (the most trial openings) takes the new epoch in.
struct RotationBenchmark {
    /// The devices the epoch is wrapped for, the secretariat's included.
    let devices: Int
    var rounds = 5

    struct Round {
        var make = 0.0, sign = 0.0, write = 0.0, memberSync = 0.0
        var changeBytes = 0, keyFileBytes = 0, segmentBytes = 0
        var total: Double { make + sign + write }
    }

    func run() throws {
        let temp = try Scratch()
        print("rotation: seating \(devices - 1) member devices by invite in a sealed group…")
        var group = try RotationGroup(path: temp.path("secretariat.sqlite"))
        try group.seat(devices - 1)
        let root = temp.path("shared")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        _ = try SyncEngine(store: group.store, device: group.founder).sync(folders: [root])
        let last = try lastRecipient(of: group)
        let member = try AppDatabase.create(path: temp.path("member.sqlite"))
        _ = try member.apply([try group.store.genesis()!])
        _ = try SyncEngine(store: member, device: last).sync(folders: [root])

        // The first round also brings the member the whole log (it held no key before): not counted.
        var measured: [Round] = []
        for index in 0...rounds {
            let round = try rotate(group, root: root, member: member, memberDevice: last)
            if index > 0 { measured.append(round) }
        }
        report(measured)
    }

    /// The member device whose envelope a key file lists last: the one that opens the most.
    private func lastRecipient(of group: RotationGroup) throws -> DeviceKey {
        let all = group.members + [group.founder]
        guard all.count == devices, try group.store.sealingAudience(now: RotationGroup.now()).count == devices else {
            throw BenchmarkError("the audience is not the \(devices) devices seated")
        }
        return all.max { $0.feed < $1.feed }!
    }

    private func rotate(_ group: RotationGroup, root: String, member: AppDatabase, memberDevice: DeviceKey) throws -> Round {
        let store = group.store
        var round = Round()
        var start = DispatchTime.now()
        let held = try store.heldEpochKeys()
        guard let current = try FolderSealing.load(store: store, device: group.founder)?.currentEpoch, held[current.id.hex] != nil
        else { throw BenchmarkError("the secretariat holds no current epoch") }
        // The history carries every earlier key held, as the secretariat's rotation does.
        let earlier = Dictionary(uniqueKeysWithValues: held.compactMap { id, key in EntityID(hex: id).map { ($0, key) } })
        let made = try EpochStart.make(parent: (current.id, current.number), earlier: earlier,
                                       recipients: try store.sealingAudience(now: RotationGroup.now()), group: group.group)
        round.make = ApplyBenchmark.seconds(since: start)

        start = DispatchTime.now()
        let change = try store.author(ops: [.groupKey(made.op)], key: group.founder, now: RotationGroup.now())
        try store.holdEpochKeys([change.entity(0).hex: made.key])
        round.sign = ApplyBenchmark.seconds(since: start)
        let epoch = change.entity(0)
        guard try store.currentEpoch()?.id == epoch, made.op.wraps.count == devices else {
            throw BenchmarkError("the rotation did not start a current epoch for \(devices) devices")
        }
        round.changeBytes = change.bytes.count + change.signature.count

        let before = Self.fileSizes(below: root)
        start = DispatchTime.now()
        let written = try SyncEngine(store: store, device: group.founder).sync(folders: [root])
        round.write = ApplyBenchmark.seconds(since: start)
        guard written.keyFilesWritten == 1, written.exportedChanges == 1 else {
            throw BenchmarkError("the rotation's sync wrote \(written.keyFilesWritten) key files: \(written.summary)")
        }
        for (path, size) in Self.fileSizes(below: root) where before[path] == nil {
            if path.hasSuffix(".key") { round.keyFileBytes += size } else { round.segmentBytes += size }
        }

        start = DispatchTime.now()
        let read = try SyncEngine(store: member, device: memberDevice).sync(folders: [root])
        round.memberSync = ApplyBenchmark.seconds(since: start)
        guard try member.heldEpochKeys()[epoch.hex] != nil, read.problems.isEmpty else {
            throw BenchmarkError("the member did not take the new epoch in: \(read.summary) \(read.problems)")
        }
        return round
    }

    private func report(_ rounds: [Round]) {
        func median(_ value: (Round) -> Double) -> Double { rounds.map(value).sorted()[rounds.count / 2] * 1000 }
        let one = rounds[rounds.count / 2]
        print(String(format: "  a new epoch for %d devices (median of %d rotations): %.1f ms in all", devices, rounds.count, median(\.total)))
        print(String(format: "    made (a fresh key, %d HPKE wraps, history):    %8.1f ms", devices, median(\.make)))
        print(String(format: "    signed and applied (the group.key change):    %8.1f ms", median(\.sign)))
        print(String(format: "    written by the sync (key file and segment):   %8.1f ms", median(\.write)))
        print(String(format: "  bytes: the change %d (signed body), its key file %d, its sealed segment %d; %d written in all",
                     one.changeBytes, one.keyFileBytes, one.segmentBytes, one.keyFileBytes + one.segmentBytes))
        print(String(format: "  the member whose envelope is listed last takes the epoch in by a sync in %.1f ms", median(\.memberSync)))
    }

    /// Every file below `root` with its size.
    static func fileSizes(below root: String) -> [String: Int] {
        var sizes: [String: Int] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return sizes }
        while let relative = walker.nextObject() as? String {
            if let status = FileStatus(path: root + "/" + relative), !status.isDirectory { sizes[relative] = Int(status.size) }
        }
        return sizes
    }
}
