import Crypto

/// One epoch of a sealed group as the log holds it (a `group.key` that counts).
public struct EpochRecord: Sendable, Hashable {
    public var id: EntityID
    public var number: Int64
    public var parent: EntityID?
    public var check: [UInt8]
    public var history: [UInt8]?
    public var wraps: [FeedID: [UInt8]]

    public init(id: EntityID, number: Int64, parent: EntityID?, check: [UInt8], history: [UInt8]?, wraps: [FeedID: [UInt8]]) {
        self.id = id
        self.number = number
        self.parent = parent
        self.check = check
        self.history = history
        self.wraps = wraps
    }
}

/// Which epoch keys a device can learn from the log: each epoch wrapped for one of its keys
/// (its own, or an invite key it holds), and, from each epoch it holds, the parent's key the
/// epoch's history seals, back to the first. Every key learned matches its signed commitment.
public enum EpochUnlock {
    /// The keys learned beyond `held` (epoch id hex → key bytes).
    public static func learn(_ epochs: [EpochRecord], held: [String: [UInt8]], openers: [DeviceKey], group: GroupID) -> [String: [UInt8]] {
        var memo = EpochUnlockMemo()
        return learn(epochs, held: held, openers: openers, group: group, memo: &memo)
    }

    /// The same, skipping what `memo` says cannot give anything and adding to it what this
    /// learning tried: the same keys are learned with or without it.
    public static func learn(_ epochs: [EpochRecord], held: [String: [UInt8]], openers: [DeviceKey], group: GroupID,
                             memo: inout EpochUnlockMemo) -> [String: [UInt8]] {
        var known = held
        var learned: [String: [UInt8]] = [:]
        let byID = Dictionary(epochs.map { ($0.id.hex, $0) }, uniquingKeysWith: { first, _ in first })
        let agreements = Dictionary(openers.map { ($0.feed, $0.agreementKey) }, uniquingKeysWith: { first, _ in first })
        for epoch in epochs where known[epoch.id.hex] == nil {
            guard let key = open(epoch, agreements: agreements, group: group, memo: &memo) else { continue }
            known[epoch.id.hex] = key.bytes
            learned[epoch.id.hex] = key.bytes
        }
        // The history of each epoch held; a key whose own op is known must match its commitment.
        var frontier = Array(known.keys)
        while let id = frontier.popLast() {
            guard !memo.historyAddsNothing(id, known: known), let epoch = byID[id], let history = epoch.history,
                let parentID = epoch.parent, let key = known[id],
                let earlier = EpochKeys.openHistory(history, under: SymmetricKey(data: key), parentID: parentID)
            else { continue }
            memo.histories[id] = earlier.keys.map(\.hex)
            for (earlierID, earlierKey) in earlier where known[earlierID.hex] == nil {
                guard byID[earlierID.hex].map({ EpochKeys.check(SymmetricKey(data: earlierKey)) == $0.check }) ?? true else { continue }
                known[earlierID.hex] = earlierKey
                learned[earlierID.hex] = earlierKey
                frontier.append(earlierID.hex)
            }
        }
        return learned
    }

    /// The recipients whose keys a learning could use: those of the envelopes of every epoch
    /// not held that were not tried already. Only these openers need be made (making one from
    /// an invite secret derives two key pairs).
    public static func recipientsToTry(_ epochs: [EpochRecord], held: [String: [UInt8]], memo: EpochUnlockMemo) -> Set<FeedID> {
        var recipients: Set<FeedID> = []
        for epoch in epochs where held[epoch.id.hex] == nil {
            for recipient in epoch.wraps.keys where !memo.unopened.contains(.init(epoch: epoch.id.hex, recipient: recipient)) {
                recipients.insert(recipient)
            }
        }
        return recipients
    }

    static func open(_ epoch: EpochRecord, agreements: [FeedID: Curve25519.KeyAgreement.PrivateKey], group: GroupID,
                     memo: inout EpochUnlockMemo) -> SymmetricKey? {
        for (recipient, privateKey) in agreements {
            let attempt = EpochUnlockMemo.Attempt(epoch: epoch.id.hex, recipient: recipient)
            guard let bytes = epoch.wraps[recipient], !memo.unopened.contains(attempt) else { continue }
            guard let envelope = EpochEnvelope(bytes: bytes), let key = try? envelope.open(epoch: epoch.number, group: group, with: privateKey),
                EpochKeys.check(key) == epoch.check
            else {
                memo.unopened.insert(attempt)
                continue
            }
            return key
        }
        return nil
    }
}
