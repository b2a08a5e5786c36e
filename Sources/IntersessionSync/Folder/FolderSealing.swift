import Foundation
import IntersessionCore
import IntersessionStore

/// What a sealed group's folder needs (the Sealing article): the names its files go under, the
/// epoch keys this device holds, and the current epoch's key, under which everything written
/// is sealed. Loading it first learns every key the log lets this device open.
public struct FolderSealing: Sendable {
    public let names: SealedNames
    public let keyring: SealedFile.Keyring
    /// The epoch every writer seals under now, and its key when this device holds it.
    public let currentEpoch: EpochChoice.Epoch?
    public let current: SealedFile.Keyring.Entry?

    public init(names: SealedNames, keyring: SealedFile.Keyring, currentEpoch: EpochChoice.Epoch?) {
        self.names = names
        self.keyring = keyring
        self.currentEpoch = currentEpoch
        current = currentEpoch.flatMap { keyring.entry($0.id.hex) }
    }

    /// The sealing of the store's group, nil for an open group. `device` opens the epochs
    /// wrapped for it, with the invite keys it redeemed.
    public static func load(store: AppDatabase, device: DeviceKey?) throws -> FolderSealing? {
        guard try store.isSealed(), let genesis = try store.genesisBytes(), let group = try store.groupID() else { return nil }
        try learnKeys(store: store, device: device, group: group)
        let keyring = SealedFile.Keyring(try store.heldEpochKeys().map { (id: $0.key, key: .init(data: $0.value)) })
        let names = SealedNames(genesisBytes: genesis.bytes, signature: genesis.signature)
        return FolderSealing(names: names, keyring: keyring, currentEpoch: try store.currentEpoch())
    }

    /// The same names (the genesis never changes), with the keys held now and the epoch current
    /// now: for a caller that has just learned keys or read changes.
    func reloaded(store: AppDatabase) throws -> FolderSealing {
        let keyring = SealedFile.Keyring(try store.heldEpochKeys().map { (id: $0.key, key: .init(data: $0.value)) })
        return FolderSealing(names: names, keyring: keyring, currentEpoch: try store.currentEpoch())
    }

    /// The names of the store's sealed group without any key (nil for an open group): enough to
    /// say where the group's files are, for a look that must not write to the store.
    public static func names(store: AppDatabase) throws -> FolderSealing? {
        guard try store.isSealed(), let genesis = try store.genesisBytes() else { return nil }
        return FolderSealing(names: SealedNames(genesisBytes: genesis.bytes, signature: genesis.signature), keyring: .init(), currentEpoch: nil)
    }

    /// Opens what the log lets this device open and keeps it; returns how many keys were new.
    /// What earlier learnings tried is remembered (`EpochUnlockMemo`): an invite secret's keys
    /// are derived only when an envelope not yet tried is wrapped for its key, so a sync with
    /// nothing new opens nothing.
    /// `remembering`: what was tried is kept too (a sync does; an act that may yet be refused
    /// writes only the keys it learned, as before).
    @discardableResult
    static func learnKeys(store: AppDatabase, device: DeviceKey?, group: GroupID, remembering: Bool = false) throws -> Int {
        let epochs = try store.epochRecords(), held = try store.heldEpochKeys()
        var memo = try store.epochUnlockMemo()
        let before = memo
        let wanted = EpochUnlock.recipientsToTry(epochs, held: held, memo: memo)
        let openers = try self.openers(device: device, store: store, wanted: wanted)
        let learned = EpochUnlock.learn(epochs, held: held, openers: openers, group: group, memo: &memo)
        try store.holdEpochKeys(learned, remembering: remembering ? memo.added(since: before) : EpochUnlockMemo())
        return learned.count
    }

    /// This device and the invite keys it redeemed, among those `wanted` only. A secret stored
    /// without a readable key is always made (its key is then known only by deriving it).
    static func openers(device: DeviceKey?, store: AppDatabase, wanted: Set<FeedID>) throws -> [DeviceKey] {
        guard !wanted.isEmpty else { return [] }
        var openers = device.map { wanted.contains($0.feed) ? [$0] : [] } ?? []
        for secret in try store.inviteSecretsByKey() where secret.key.map(wanted.contains) ?? true {
            if let opener = try? DeviceKey(seed: secret.seed), wanted.contains(opener.feed) { openers.append(opener) }
        }
        return openers
    }

    /// `contents` sealed under the current epoch.
    func seal(_ contents: [UInt8]) throws(FolderError) -> [UInt8] {
        guard let current else { throw .noCurrentKey }
        do {
            return try SealedFile.seal(contents, under: current.key)
        } catch {
            throw .noCurrentKey
        }
    }

    /// Shorter than a sealed file's header and the start of one (an empty file too): a copy
    /// just begun, not a file that is not sealed.
    static func isHeaderBegun(_ bytes: [UInt8]) -> Bool {
        bytes.count < SealedFile.headerBytes && SealedFile.magic.starts(with: bytes.prefix(SealedFile.magic.count))
    }

    func open(_ bytes: [UInt8]) throws(SegmentError) -> [UInt8] {
        if Self.isHeaderBegun(bytes) { throw .incomplete }
        do {
            return try SealedFile.open(bytes, with: keyring).contents
        } catch {
            switch error {
            case .notSealed: throw .notSealed
            case .noKey: throw .sealedForOtherKey
            case .incomplete: throw .incomplete
            case .damaged: throw .sealedDamaged
            }
        }
    }
}
