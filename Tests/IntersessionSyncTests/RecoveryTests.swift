import Foundation
import Testing
import IntersessionActions
import IntersessionCore
@testable import IntersessionStore
@testable import IntersessionSync

/// `repair` (issue 12): a damaged store is rebuilt from the shared folder with the same identity,
/// and the profile's next change continues its feed instead of forking it.
@Suite struct RecoveryTests {
    struct Setting {
        let secretariat: ProfileHome
        let delegate: ProfileHome
        let folder: String
        let feed: FeedID
        let founder: FeedID
        /// The delegate's own changes, all in the folder.
        let head: Int64
    }

    /// A secretariat and a delegate sharing one folder, the delegate having posted twice; every
    /// store is closed when this returns.
    func setting(_ temp: TemporaryFolder) throws -> Setting {
        var replicas = try Group.make(in: temp, members: 1)
        replicas[1].folders = replicas[0].folders
        let actions = try Actions(store: replicas[1].store, key: replicas[1].key, folders: replicas[1].folders,
                                  clock: { 1_790_000_600_000 })
        _ = try actions.post(in: "flows", title: "One", body: "First")
        _ = try actions.post(in: "flows", title: "Two", body: "Second")
        _ = try replicas[1].sync()
        _ = try replicas[0].sync()
        let head = try replicas[1].store.feedProgress()[replicas[1].key.feed]!.logged
        return Setting(secretariat: replicas[0].home, delegate: replicas[1].home, folder: replicas[0].folders[0],
                       feed: replicas[1].key.feed, founder: replicas[0].key.feed, head: head)
    }

    func truncate(_ home: ProfileHome, to size: Int) throws {
        let handle = try FileHandle(forWritingTo: home.storeURL)
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: home.storeURL.path + suffix) }
    }

    @Test func aSoundStoreIsLeftAsItIs() throws {
        let temp = TemporaryFolder()
        let setting = try setting(temp)
        let digest = try setting.delegate.openStore().stateDigest()
        let (diagnosis, outcome) = try Recovery.repair(home: setting.delegate, folders: [], now: Date())
        #expect(diagnosis.isSound)
        guard case .sound = outcome else { Issue.record("expected .sound, got \(outcome)"); return }
        #expect(try setting.delegate.openStore().stateDigest() == digest)
    }

    @Test func aTruncatedStoreIsRebuiltFromTheFolderAndTheFeedContinues() throws {
        let temp = TemporaryFolder()
        let setting = try setting(temp)
        let key = try setting.delegate.loadKey()
        try truncate(setting.delegate, to: 4096)
        #expect(throws: StoreError.self) { try setting.delegate.openStore() }
        #expect(throws: RecoveryError.noFolder) { try Recovery.repair(home: setting.delegate, folders: [], now: Date()) }

        let (diagnosis, outcome) = try Recovery.repair(home: setting.delegate, folders: [setting.folder], now: Date())
        #expect(diagnosis.unreadable != nil)
        guard case .rebuiltFromFolders(let rebuild) = outcome else { Issue.record("expected a rebuild, got \(outcome)"); return }
        #expect(rebuild.ownChanges == setting.head)
        #expect(rebuild.lostOwnChanges == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: rebuild.movedAside ?? "")[.size] as? Int == 4096, "kept, never deleted")
        #expect(try setting.delegate.loadKey().feed == key.feed)

        let actions = try Actions(home: setting.delegate, clock: { 1_790_000_700_000 })
        _ = try actions.post(in: "flows", title: "Three", body: "After the repair")
        #expect(try actions.store.feedProgress()[setting.feed]?.head == setting.head + 1)
        _ = try actions.publish()
        let secretariat = try setting.secretariat.openStore()
        let report = try SyncEngine(store: secretariat).sync(folders: [setting.folder])
        #expect(report.forks.isEmpty && report.frozen.isEmpty && report.refused.isEmpty)
        #expect(try secretariat.threads(topic: nil).map(\.title).contains("Three"))
    }

    @Test func aMissingStoreIsMadeAgainFromTheFolder() throws {
        let temp = TemporaryFolder()
        let setting = try setting(temp)
        try FileManager.default.removeItem(at: setting.delegate.storeURL)
        let (diagnosis, outcome) = try Recovery.repair(home: setting.delegate, folders: [setting.folder], now: Date())
        #expect(diagnosis.unreadable != nil)
        guard case .rebuiltFromFolders(let rebuild) = outcome else { Issue.record("expected a rebuild, got \(outcome)"); return }
        #expect(rebuild.movedAside == nil)
        #expect(rebuild.ownChanges == setting.head)
    }

    @Test func aTamperedLogIsRebuiltFromTheRememberedFolder() throws {
        let temp = TemporaryFolder()
        let setting = try setting(temp)
        let digest = try { () throws -> String in
            let store = try setting.delegate.openStore()
            try RememberedFolders(store: store).add([setting.folder])
            return try store.stateDigest()
        }()
        try StoreTamper.zeroSignature(of: setting.feed, seq: 1, in: setting.delegate.storeURL.path)
        let (diagnosis, outcome) = try Recovery.repair(home: setting.delegate, folders: [], now: Date())
        #expect(diagnosis.log.map(\.feed) == [setting.feed])
        guard case .rebuiltFromFolders(let rebuild) = outcome else { Issue.record("expected a rebuild, got \(outcome)"); return }
        #expect(rebuild.folders == [temp.path + "/folder-1", setting.folder], "the folders the damaged store remembered")
        #expect(rebuild.claimedOwnChanges == setting.head)
        #expect(rebuild.lostOwnChanges == 0)
        let rebuilt = try setting.delegate.openStore()
        #expect(try rebuilt.logProblems().isEmpty)
        #expect(try rebuilt.stateDigest() == digest)
    }

    /// The delegate's newest segment moved out of the folder (a deleted file): its seqs.
    func removeNewestSegment(_ setting: Setting, _ temp: TemporaryFolder) throws -> SegmentName {
        let group = GroupFolder(root: setting.folder, group: try setting.secretariat.openStore().groupID()!)
        let feedPath = group.feedPath(setting.feed)
        let newest = Files.list(feedPath).filter { $0.hasSuffix(".seg") }.sorted().last!
        try FileManager.default.moveItem(atPath: feedPath + "/" + newest, toPath: temp.path + "/" + newest)
        return SegmentName(fileName: newest)!
    }

    @Test func ownChangesNoFolderHoldsComeBackFromTheDamagedStore() throws {
        let temp = TemporaryFolder()
        let setting = try setting(temp)
        let lost = try removeNewestSegment(setting, temp)
        // Another feed's change is damaged: the delegate's own are intact in the damaged store.
        try StoreTamper.zeroSignature(of: setting.founder, seq: 1, in: setting.delegate.storeURL.path)
        let (_, outcome) = try Recovery.repair(home: setting.delegate, folders: [setting.folder], now: Date())
        guard case .rebuiltFromFolders(let rebuild) = outcome else { Issue.record("expected a rebuild, got \(outcome)"); return }
        #expect(rebuild.claimedOwnChanges == setting.head)
        #expect(rebuild.salvagedOwnChanges == Int(lost.lastSeq - lost.firstSeq + 1))
        #expect(rebuild.ownChanges == setting.head)
        #expect(rebuild.lostOwnChanges == 0)
        #expect(try setting.delegate.openStore().logProblems().isEmpty, "the damaged change of the other feed came from the folder, not from the damaged store")
        let group = GroupFolder(root: setting.folder, group: try setting.secretariat.openStore().groupID()!)
        let names = Files.list(group.feedPath(setting.feed)).compactMap(SegmentName.init(fileName:))
        #expect(names.contains { $0.firstSeq <= lost.firstSeq && $0.lastSeq >= lost.lastSeq }, "written back to the folder")
    }

    @Test func ownChangesLostEverywhereAreCounted() throws {
        let temp = TemporaryFolder()
        let setting = try setting(temp)
        let lost = try removeNewestSegment(setting, temp)
        try StoreTamper.forgeBody(of: setting.feed, seq: lost.lastSeq, in: setting.delegate.storeURL.path)
        let (diagnosis, outcome) = try Recovery.repair(home: setting.delegate, folders: [setting.folder], now: Date())
        #expect(diagnosis.log.map(\.feed) == [setting.feed])
        guard case .rebuiltFromFolders(let rebuild) = outcome else { Issue.record("expected a rebuild, got \(outcome)"); return }
        #expect(rebuild.claimedOwnChanges == setting.head)
        #expect(rebuild.salvagedOwnChanges == Int(lost.lastSeq - lost.firstSeq), "up to the forged one")
        #expect(rebuild.lostOwnChanges == 1)
    }
}

/// Damages a store on disk the way a bad disk or a hand would.
enum StoreTamper {
    static func forgeBody(of feed: FeedID, seq: Int64, in path: String) throws {
        let store = try AppDatabase.open(path: path)
        try store.write { db in
            try db.execute(sql: """
                UPDATE change SET body = CAST(replace(CAST(body AS TEXT), '"seq":\(seq)', '"seq":\(seq) ') AS BLOB)
                WHERE seq = ? AND feed = (SELECT id FROM feed WHERE hex = ?)
                """, arguments: [seq, feed.hex])
        }
    }

    static func zeroSignature(of feed: FeedID, seq: Int64, in path: String) throws {
        let store = try AppDatabase.open(path: path)
        try store.write { db in
            try db.execute(sql: "UPDATE change SET sig = zeroblob(64) WHERE seq = ? AND feed = (SELECT id FROM feed WHERE hex = ?)",
                           arguments: [seq, feed.hex])
        }
    }
}
