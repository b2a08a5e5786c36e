import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// What `repair` did.
public enum RepairOutcome: Sendable {
    /// The store was sound; nothing changed.
    case sound
    /// The log was sound but the state was not what it gives: the state was rebuilt from it.
    case rebuiltFromLog
    /// The store was damaged: it was moved aside and a new one was filled from the folders.
    case rebuiltFromFolders(FolderRebuild)
}

/// A store rebuilt from the shared folders, with the same identity.
public struct FolderRebuild: Sendable {
    /// Where the damaged store now is (never deleted); nil when there was no store file.
    public var movedAside: String?
    public var folders: [String]
    /// How many of the profile's own changes the new store holds, back from the folders.
    public var ownChanges: Int64
    /// How many the damaged store held, when that can still be read from it.
    public var claimedOwnChanges: Int64?
    /// Of `ownChanges`, how many no folder held: read from the damaged store, verified, and
    /// written to the folders.
    public var salvagedOwnChanges = 0
    public var report: SyncReport

    /// The folders gave back fewer of the profile's own changes than it had signed: the missing
    /// ones are lost unless another replica relays them, and a new change would fork the feed.
    public var lostOwnChanges: Int64 { max(0, (claimedOwnChanges ?? 0) - ownChanges) }
}

/// Recovering a profile whose store is damaged or disagrees with its own log.
public enum Recovery {
    /// Checks the store and repairs what it finds: the state from the log when the log is
    /// sound, else the whole store from the shared folders (`folders`, else those the damaged
    /// store remembers), keeping the profile's key and config. A sealed group is found there by
    /// its genesis: the damaged store's, when it can still be read, else `invite`'s.
    public static func repair(home: ProfileHome, folders: [String], invite: InviteFile? = nil, now: Date)
        throws -> (diagnosis: StoreDiagnosis, outcome: RepairOutcome) {
        let key = try home.loadKey()
        let diagnosis = try StoreDiagnosis.of(home)
        if diagnosis.isSound { return (diagnosis, .sound) }
        if diagnosis.logIsSound {
            try home.openStore().rebuild()
            return (diagnosis, .rebuiltFromLog)
        }
        return (diagnosis, .rebuiltFromFolders(try rebuildFromFolders(home: home, key: key, folders: folders, invite: invite, now: now)))
    }

    /// Moves the damaged store aside and fills a new one from the folders. The profile's own
    /// feed comes back from them before anything could be signed, so it continues its feed
    /// instead of forking it. On failure the damaged store is put back as it was.
    static func rebuildFromFolders(home: ProfileHome, key: DeviceKey, folders named: [String], invite: InviteFile?, now: Date)
        throws -> FolderRebuild {
        let path = home.storeURL.path
        let salvaged = RememberedFolders.salvage(fromDamagedStoreAt: path)
        let candidates = named.isEmpty ? salvaged : named.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        guard !candidates.isEmpty else { throw RecoveryError.noFolder }
        let known = [StoreSalvage.genesis(path: path), invite?.genesis].compactMap { $0 }
        let genesis = try GroupDiscovery.genesis(in: candidates, member: key.feed, expected: StoreSalvage.groupID(path: path), known: known)
        let claimed = StoreSalvage.loggedHead(of: key.feed, path: path)
        let secrets = StoreSalvage.inviteSecrets(path: path)
        let hadStore = FileManager.default.fileExists(atPath: path)
        let aside = hadStore ? try StoreSalvage.moveAside(path: path, at: now) : nil
        do {
            let store = try home.createStore()
            try store.apply([genesis])
            try holdSecrets(secrets, invite: invite.flatMap { $0.group == genesis.hash ? $0 : nil }, in: store)
            let remembered = try RememberedFolders(store: store).add(candidates)
            let engine = SyncEngine(store: store, device: key)
            var report = try engine.sync(folders: remembered)
            _ = try engine.adoptOwnFeed(key.feed, folders: remembered)
            let salvaged = try aside.map { try salvageOwnChanges(from: $0, into: store, key: key, group: genesis.hash) } ?? 0
            if salvaged > 0 { report = try engine.sync(folders: remembered).following(report) }
            let own = try store.feedProgress()[key.feed]?.logged ?? 0
            return FolderRebuild(movedAside: aside, folders: remembered, ownChanges: own, claimedOwnChanges: claimed,
                                 salvagedOwnChanges: salvaged, report: report)
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            if let aside {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.moveItem(atPath: aside + suffix, toPath: path + suffix) }
            }
            throw error
        }
    }

    /// In a sealed group, what opens the epochs wrapped for an invite key rather than for this
    /// device (those from before the secretariat next renewed the epoch): the invite secrets the
    /// damaged store kept, and the invite's with the epoch it carries.
    static func holdSecrets(_ secrets: [[UInt8]], invite: InviteFile?, in store: AppDatabase) throws {
        for seed in secrets {
            guard let inviteKey = try? DeviceKey(seed: seed) else { continue }
            try store.holdInviteSecret(seed, for: inviteKey.feed)
        }
        if let invite { try Membership.holdSeal(of: invite, in: store) }
    }

    /// The profile's own changes that the damaged store still holds past what the folders gave
    /// back, taken in when they continue the feed and every signature holds (as a segment is
    /// checked on import); returns how many.
    static func salvageOwnChanges(from aside: String, into store: AppDatabase, key: DeviceKey, group: GroupID) throws -> Int {
        let logged = try store.feedProgress()[key.feed]?.logged ?? 0
        let run = StoreSalvage.loggedChanges(of: key.feed, after: logged, path: aside)
        guard !run.isEmpty else { return 0 }
        let after = logged > 0 ? try store.changes(of: key.feed, in: logged...logged).first.map { (seq: logged, hash: $0.hash) } : nil
        guard logged == 0 || after != nil,
            (try? FeedChain.validate(run, feed: key.feed, group: group, after: after)) != nil,
            run.allSatisfy({ $0.verifySignature() })
        else { return 0 }
        try store.apply(run)
        return run.count
    }
}
