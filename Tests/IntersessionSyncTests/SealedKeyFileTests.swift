import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

/// A sealed folder's epoch key files heal as segments do (issue 13): one cut short is a copy in
/// progress while fresh and reported once after; one altered is reported once; a device whose
/// store knows nothing but the genesis finds its way in through them.
@Suite struct SealedKeyFileTests {
    /// A sealed group whose current epoch is wrapped for the delegate's own device (the
    /// secretariat renewed it after the join), and the path of that epoch's key file.
    func renewed(_ temp: TemporaryFolder) throws -> (Replica, Replica, String) {
        var replicas = try Group.make(in: temp, members: 1, sealed: true)
        replicas[1].folders = replicas[0].folders
        for _ in 0..<2 { for replica in replicas { _ = try replica.sync() } }
        let actions = try Actions(store: replicas[0].store, key: replicas[0].key, folders: replicas[0].folders, clock: { 1_790_000_500_000 })
        #expect(try actions.renewEpochIfNeeded())
        _ = try replicas[0].sync()
        let sealing = try #require(try FolderSealing.load(store: replicas[0].store, device: replicas[0].key))
        let current = try #require(sealing.currentEpoch)
        let folder = try replicas[0].groupFolder(replicas[0].folders[0])
        return (replicas[0], replicas[1], folder.keysPath + "/" + sealing.names.keyFile(current.id))
    }

    /// A store holding only the genesis, syncing as the delegate's device.
    func bare(_ temp: TemporaryFolder, like delegate: Replica) throws -> AppDatabase {
        let home = ProfileHome(folder: URL(fileURLWithPath: temp.path + "/bare-\(UUID().uuidString)"))
        _ = try home.create(key: DeviceKey())
        let store = try home.createStore()
        try store.apply([try delegate.store.genesis()!])
        return store
    }

    @Test func aDeviceFindsItsWayInThroughTheKeyFiles() throws {
        let temp = TemporaryFolder()
        let (secretariat, delegate, path) = try renewed(temp)
        #expect(FileStatus(path: path) != nil)
        let store = try bare(temp, like: delegate)
        let report = try SyncEngine(store: store, device: delegate.key).sync(folders: delegate.folders)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(try store.stateDigest() == secretariat.store.stateDigest())
    }

    /// 0, 10, 30: that many bytes kept; -1: the sealed change cut at its end; -2: cut 10 bytes
    /// into the sealed change's header.
    @Test(arguments: [0, 10, 30, -1, -2])
    func aKeyFileCutShortIsACopyInProgressWhileFreshAndReportedOnceAfter(_ cut: Int) throws {
        let temp = TemporaryFolder()
        let (_, delegate, path) = try renewed(temp)
        let whole = try Files.read(path, limit: KeyFile.maximumBytes)
        let sealedChange = try KeyFile(bytes: whole).sealedChange.count
        let kept = cut == -1 ? whole.count - 7 : cut == -2 ? whole.count - sealedChange + 10 : cut
        try Data(whole.prefix(kept)).write(to: URL(fileURLWithPath: path))
        let store = try bare(temp, like: delegate)
        let first = try SyncEngine(store: store, device: delegate.key).sync(folders: delegate.folders)
        #expect(!first.problems.contains { $0.path == path }, "a copy in progress is no fault: \(first.problems)")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: path)
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: (path as NSString).deletingLastPathComponent)
        let later = try SyncEngine(store: store, device: delegate.key).sync(folders: delegate.folders)
        #expect(later.problems.filter { $0.path == path }.count == 1)
        #expect(try !SyncEngine(store: store, device: delegate.key).sync(folders: delegate.folders).problems.contains { $0.path == path })
    }

    @Test func aDeletedKeyFileIsWrittenAgainTheSame() throws {
        let temp = TemporaryFolder()
        let (secretariat, delegate, path) = try renewed(temp)
        let whole = try Files.read(path, limit: KeyFile.maximumBytes)
        _ = try delegate.sync()
        try FileManager.default.removeItem(atPath: path)
        _ = try delegate.sync()
        #expect(try Files.read(path, limit: KeyFile.maximumBytes) == whole, "any holder of the epoch writes the same bytes")
        try FileManager.default.removeItem(atPath: path)
        _ = try secretariat.sync()
        #expect(try Files.read(path, limit: KeyFile.maximumBytes) == whole)
    }

    @Test func anAlteredKeyFileIsReportedOnce() throws {
        let temp = TemporaryFolder()
        let (_, delegate, path) = try renewed(temp)
        var bytes = try Files.read(path, limit: KeyFile.maximumBytes)
        bytes[bytes.count - 40] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let store = try bare(temp, like: delegate)
        let first = try SyncEngine(store: store, device: delegate.key).sync(folders: delegate.folders)
        #expect(first.problems.filter { $0.path == path }.count == 1)
        #expect(first.problems.first { $0.path == path }?.reason.contains("\(SegmentError.sealedDamaged)") == true)
        #expect(try !SyncEngine(store: store, device: delegate.key).sync(folders: delegate.folders).problems.contains { $0.path == path })
    }
}
