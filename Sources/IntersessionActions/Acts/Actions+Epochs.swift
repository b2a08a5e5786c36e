import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// A sealed group's epochs, from the secretariat's side (the Sealing article): every act that
/// ends someone's reading (a removal, a last role revoked, an invite cancelled or replaced)
/// carries a new epoch in its own change, wrapped only for those who may still read; an invite
/// carries one that its key can open.
extension Actions {
    /// Signs `ops`, with a new epoch for the audience after them (`adding` the keys they make
    /// readers, without the feeds or keys they end) when the group is sealed.
    @discardableResult
    func signStartingEpoch(_ ops: [Op], adding: [FeedID: [UInt8]] = [:], removing: Set<FeedID> = [], at now: Int64? = nil)
        throws -> SignedChange {
        let now = now ?? clock()
        guard let made = try newEpoch(adding: adding, removing: removing, now: now) else { return try sign(ops, at: now) }
        let change = try sign(ops + [.groupKey(made.op)], at: now)
        try keep(made, signedIn: change)
        return change
    }

    /// The new epoch for the audience now, nil for an open group.
    func newEpoch(adding: [FeedID: [UInt8]], removing: Set<FeedID>, now: Int64) throws -> EpochStart.Made? {
        guard try store.isSealed(), let group = try store.groupID() else { return nil }
        let sealing = try FolderSealing.load(store: store, device: key)
        let held = try store.heldEpochKeys()
        guard let current = sealing?.currentEpoch, held[current.id.hex] != nil else { throw ActionError.noCurrentKey }
        var audience = try store.sealingAudience(now: now).merging(adding) { _, new in new }
        for feed in removing { audience[feed] = nil }
        let earlier = Dictionary(held.compactMap { id, key in EntityID(hex: id).map { ($0, key) } }, uniquingKeysWith: { first, _ in first })
        return try EpochStart.make(parent: (current.id, current.number), earlier: earlier, recipients: audience, group: group)
    }

    /// Keeps the key of the epoch `change` started.
    func keep(_ made: EpochStart.Made, signedIn change: SignedChange) throws {
        for (index, op) in change.body.ops.enumerated() {
            if case .groupKey(let key) = op, key.check == made.op.check { try store.holdEpochKeys([change.entity(index).hex: made.key]) }
        }
    }

    /// A sync with this profile's folders; then, on a secretariat device of a sealed group
    /// whose current epoch is not wrapped for exactly its readers now, a new epoch, published
    /// by a second sync. What every front end's sync does.
    public func syncRenewingEpoch() throws -> SyncReport {
        let engine = SyncEngine(store: store, device: key)
        var report = try engine.sync(folders: folders)
        if try renewEpochIfNeeded() { report = try engine.sync(folders: folders).following(report) }
        // Chunks after segments: sealed under the epoch the segments were, the renewed one included.
        report.problems += try exchangeAttachments().problems
        return report
    }

    /// Starts a new epoch when the current one is not wrapped for exactly the audience: a
    /// member removed by another secretariat device at the same time, a newcomer seated, an
    /// invite redeemed or expired. What a secretariat device does after each sync; concurrent
    /// renewals resolve by `EpochChoice`. Returns whether it signed one.
    /// A check that found nothing to do is remembered (`RenewalCheck`) until the state or an
    /// invite's expiry could change its answer.
    @discardableResult
    public func renewEpochIfNeeded() throws -> Bool {
        guard try store.isSealed(), try store.currentRoles(of: key.feed).contains(.secretariat) else { return false }
        let now = clock()
        let mark = try store.appliedStateMark()
        if RenewalCheck(setting: try store.setting(RenewalCheck.settingKey))?.holds(mark: mark, now: now) == true { return false }
        guard try needsRenewal(now: now) else {
            let validUntil = try store.invites().filter { $0.isOpen(now: now) }.map(\.expires).min() ?? .max
            try store.setSetting(RenewalCheck.settingKey, to: RenewalCheck(mark: mark, validUntil: validUntil).setting)
            return false
        }
        try signStartingEpoch([], at: now)
        return true
    }

    /// Whether this device may and must start a new epoch: the current one is held here and not
    /// wrapped for exactly the audience at `now`.
    func needsRenewal(now: Int64) throws -> Bool {
        guard try store.frozenFeeds().first(where: { $0.feed == key.feed }) == nil,
            let current = try FolderSealing.load(store: store, device: key)?.currentEpoch,
            try store.heldEpochKeys()[current.id.hex] != nil
        else { return false }
        return try Set(store.sealingAudience(now: now).keys) != store.epochRecipients(current.id)
    }
}

extension Membership {
    /// The founder's first epoch, in the change after the genesis: wrapped for the founder.
    static func startFirstEpoch(store: AppDatabase, key: DeviceKey, now: Int64) throws {
        guard let group = try store.groupID() else { throw StoreError.noGroup }
        let made = try EpochStart.make(parent: nil, recipients: [key.feed: key.agreementPublicKey], group: group)
        let change = try store.author(ops: [.groupKey(made.op)], key: key, now: now)
        try store.holdEpochKeys([change.entity(0).hex: made.key])
    }
}
