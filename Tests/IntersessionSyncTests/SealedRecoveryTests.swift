import Foundation
import Testing
import IntersessionActions
import IntersessionCore
@testable import IntersessionStore
@testable import IntersessionSync

/// `repair` of a sealed group's store (issues 12 and 13): its folder and GROUP file are named
/// and sealed after the genesis, so the group is found by the damaged store's genesis when it
/// still reads, else by an invite file's; with neither, the message says what to give.
@Suite struct SealedRecoveryTests {
    struct Setting {
        let secretariat: ProfileHome
        let delegate: ProfileHome
        let folder: String
        let feed: FeedID
        let founder: FeedID
        let head: Int64
        let invite: String
    }

    func setting(_ temp: TemporaryFolder) throws -> Setting {
        var replicas = try Group.make(in: temp, members: 1, sealed: true)
        replicas[1].folders = replicas[0].folders
        try RememberedFolders(store: replicas[1].store).add(replicas[0].folders)
        let actions = try Actions(store: replicas[1].store, key: replicas[1].key, folders: replicas[1].folders,
                                  clock: { 1_790_000_600_000 })
        _ = try actions.post(in: "flows", title: "One", body: "First")
        _ = try actions.post(in: "flows", title: "Two", body: "Second")
        _ = try replicas[1].sync()
        _ = try replicas[0].sync()
        let head = try replicas[1].store.feedProgress()[replicas[1].key.feed]!.logged
        return Setting(secretariat: replicas[0].home, delegate: replicas[1].home, folder: replicas[0].folders[0],
                       feed: replicas[1].key.feed, founder: replicas[0].key.feed, head: head, invite: temp.path + "/invite-1")
    }

    func truncate(_ home: ProfileHome, to size: Int) throws {
        let handle = try FileHandle(forWritingTo: home.storeURL)
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: home.storeURL.path + suffix) }
    }

    @Test func aTruncatedStoreOfASealedGroupAsksForAnInviteThenIsRebuiltWithIt() throws {
        let temp = TemporaryFolder()
        let setting = try setting(temp)
        try truncate(setting.delegate, to: 4096)
        #expect(throws: RecoveryError.sealedGroupUnknown(setting.folder)) {
            try Recovery.repair(home: setting.delegate, folders: [setting.folder], now: Date())
        }
        #expect(try FileManager.default.attributesOfItem(atPath: setting.delegate.storeURL.path)[.size] as? Int == 4096, "left as it was")

        let invite = try InviteFile.read(path: setting.invite)
        let (_, outcome) = try Recovery.repair(home: setting.delegate, folders: [setting.folder], invite: invite, now: Date())
        guard case .rebuiltFromFolders(let rebuild) = outcome else { Issue.record("expected a rebuild, got \(outcome)"); return }
        #expect(rebuild.ownChanges == setting.head)
        #expect(rebuild.report.problems.isEmpty, "\(rebuild.report.problems)")
        let rebuilt = try setting.delegate.openStore()
        #expect(try rebuilt.threads(topic: nil).map(\.title).sorted() == ["One", "Two"], "the sealed segments opened")

        let actions = try Actions(home: setting.delegate, clock: { 1_790_000_700_000 })
        _ = try actions.post(in: "flows", title: "Three", body: "After the repair")
        _ = try actions.publish()
        let secretariat = try setting.secretariat.openStore()
        let report = try SyncEngine(store: secretariat, device: try setting.secretariat.loadKey()).sync(folders: [setting.folder])
        #expect(report.forks.isEmpty && report.frozen.isEmpty && report.refused.isEmpty)
        #expect(try secretariat.threads(topic: nil).map(\.title).contains("Three"))
    }

    @Test func anInviteOfAnotherGroupFindsNothing() throws {
        let temp = TemporaryFolder()
        let setting = try setting(temp)
        let other = TemporaryFolder()
        _ = try Group.make(in: other, members: 1, sealed: true)
        try truncate(setting.delegate, to: 4096)
        let invite = try InviteFile.read(path: other.path + "/invite-1")
        #expect(throws: RecoveryError.sealedGroupUnknown(setting.folder)) {
            try Recovery.repair(home: setting.delegate, folders: [setting.folder], invite: invite, now: Date())
        }
    }

    @Test func aTamperedLogOfASealedGroupIsRebuiltFromItsOwnGenesis() throws {
        let temp = TemporaryFolder()
        let setting = try setting(temp)
        let digest = try setting.delegate.openStore().stateDigest()
        try StoreTamper.zeroSignature(of: setting.feed, seq: 1, in: setting.delegate.storeURL.path)
        let (diagnosis, outcome) = try Recovery.repair(home: setting.delegate, folders: [], now: Date())
        #expect(diagnosis.log.map(\.feed) == [setting.feed])
        guard case .rebuiltFromFolders(let rebuild) = outcome else { Issue.record("expected a rebuild, got \(outcome)"); return }
        #expect(rebuild.lostOwnChanges == 0)
        let rebuilt = try setting.delegate.openStore()
        #expect(try rebuilt.logProblems().isEmpty)
        #expect(try rebuilt.stateDigest() == digest)
    }

    /// A genesis whose signature no longer holds names no folder: the store cannot give it.
    @Test func aDamagedGenesisIsNotTrusted() throws {
        let temp = TemporaryFolder()
        let setting = try setting(temp)
        try StoreTamper.zeroSignature(of: setting.founder, seq: 1, in: setting.delegate.storeURL.path)
        #expect(StoreSalvage.genesis(path: setting.delegate.storeURL.path) == nil)
        #expect(throws: RecoveryError.sealedGroupUnknown(setting.folder)) {
            try Recovery.repair(home: setting.delegate, folders: [setting.folder], now: Date())
        }
        let (_, outcome) = try Recovery.repair(home: setting.delegate, folders: [setting.folder],
                                               invite: try InviteFile.read(path: setting.invite), now: Date())
        guard case .rebuiltFromFolders(let rebuild) = outcome else { Issue.record("expected a rebuild, got \(outcome)"); return }
        #expect(rebuild.ownChanges == setting.head)
    }
}
