import Foundation
import GRDB
import IntersessionCore

/// A sealed group's epochs as the log holds them, and the epoch keys this device holds.
extension AppDatabase {
    /// Whether the group's `group.create` seals its folders.
    public func isSealed() throws -> Bool {
        try read { db in try Bool.fetchOne(db.cachedStatement(sql: "SELECT sealed FROM group_info")) ?? false }
    }

    /// The epochs that count here, then those started by changes logged but still waiting for
    /// an earlier one: their keys may be opened (reading needs no authority) before they count,
    /// as a newcomer must, whose first readable change starts an epoch whose history opens the
    /// ones before it. Only epochs that count choose what is written.
    public func epochRecords() throws -> [EpochRecord] {
        let counted = try countedEpochRecords()
        let known = Set(counted.map(\.id))
        return counted + (try pendingEpochRecords().filter { !known.contains($0.id) })
    }

    private func pendingEpochRecords() throws -> [EpochRecord] {
        try read { db in
            // Feed by feed, through the (feed, seq) index: every sync asks, and a scan of the
            // whole log made a sync with nothing new grow with it.
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT c.body, c.sig FROM feed f CROSS JOIN change c ON c.feed = f.id AND c.seq > f.head_seq
                """)).flatMap { row -> [EpochRecord] in
                guard let change = try? SignedChange(bytes: Array(row[0] as Data), signature: Array(row[1] as Data)) else { return [] }
                return change.body.ops.enumerated().compactMap { index, op in
                    guard case .groupKey(let key) = op else { return nil }
                    return EpochRecord(id: change.entity(index), number: key.number, parent: key.parent, check: key.check,
                                       history: key.history, wraps: key.wraps)
                }
            }
        }
    }

    private func countedEpochRecords() throws -> [EpochRecord] {
        try read { db in
            var wraps: [String: [FeedID: [UInt8]]] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT epoch, recipient, envelope FROM epoch_wrap")) {
                guard let recipient = FeedID(hex: row[1]) else { continue }
                wraps[row[0], default: [:]][recipient] = Array(row[2] as Data)
            }
            return try Row.fetchAll(db.cachedStatement(sql: "SELECT id, number, parent, check_hash, history FROM epoch ORDER BY number, id")).compactMap { row in
                guard let id = EntityID(hex: row[0]) else { return nil }
                return EpochRecord(id: id, number: row[1], parent: (row[2] as String?).flatMap(EntityID.init(hex:)),
                                   check: Array(row[3] as Data), history: (row[4] as Data?).map(Array.init), wraps: wraps[id.hex] ?? [:])
            }
        }
    }

    /// The epoch every writer seals under (`EpochChoice`), when the group has any.
    public func currentEpoch() throws -> EpochChoice.Epoch? {
        try read { db in
            EpochChoice.current(try Row.fetchAll(db, sql: "SELECT id, number FROM epoch").compactMap { row in
                EntityID(hex: row[0]).map { EpochChoice.Epoch(id: $0, number: row[1]) }
            })
        }
    }

    /// Who an epoch is wrapped for, as it was signed.
    public func epochRecipients(_ id: EntityID) throws -> Set<FeedID> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT recipient FROM epoch_wrap WHERE epoch = ?", arguments: [id.hex]).compactMap(FeedID.init(hex:)))
        }
    }

    /// The `group.key` change that starts an epoch, and the op's index in it.
    public func epochChange(_ id: EntityID) throws -> SignedChange? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.body, c.sig FROM epoch e JOIN change c ON c.feed = e.author AND c.seq = e.seq WHERE e.id = ?
                """, arguments: [id.hex]) else { return nil }
            return try? SignedChange(bytes: Array(row[0] as Data), signature: Array(row[1] as Data))
        }
    }

    public func heldEpochKeys() throws -> [String: [UInt8]] {
        try read { db in
            Dictionary(try Row.fetchAll(db.cachedStatement(sql: "SELECT id, key FROM epoch_key")).map { ($0[0] as String, Array($0[1] as Data)) },
                       uniquingKeysWith: { first, _ in first })
        }
    }

    public func holdEpochKeys(_ keys: [String: [UInt8]]) throws {
        guard !keys.isEmpty else { return }
        try write { db in
            for (id, key) in keys where key.count == 32 {
                try db.execute(sql: "INSERT OR IGNORE INTO epoch_key (id, key) VALUES (?, ?)", arguments: [id, key.blob])
            }
        }
    }

    public func inviteSecrets() throws -> [[UInt8]] {
        try read { db in try Data.fetchAll(db, sql: "SELECT seed FROM invite_secret").map(Array.init) }
    }

    /// The invite secrets held, by the invite key each was stored for: which one opens an
    /// envelope is known without deriving its keys.
    public func inviteSecretsByKey() throws -> [(key: FeedID?, seed: [UInt8])] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT key, seed FROM invite_secret").map { row in
                (FeedID(hex: row[0] as String), Array(row[1] as Data))
            }
        }
    }

    public func holdInviteSecret(_ seed: [UInt8], for key: FeedID) throws {
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO invite_secret (key, seed) VALUES (?, ?)", arguments: [key.hex, seed.blob])
        }
    }

    /// The agreement keys published in the log, by feed or invite key.
    public func agreementKeys() throws -> [FeedID: [UInt8]] {
        try read { db in
            Dictionary(try Row.fetchAll(db, sql: "SELECT feed, key FROM agreement_key").compactMap { row in
                FeedID(hex: row[0]).map { ($0, Array(row[1] as Data)) }
            }, uniquingKeysWith: { first, _ in first })
        }
    }
}

extension AppDatabase {
    /// Whom a new epoch is wrapped for: every feed holding a role now, and the key of every
    /// invite still open at `now` (the secretariat's clock only chooses whom it wraps for;
    /// no rule reads it), each with its agreement key. One without a published key (a member
    /// from before sealing) cannot be wrapped for and is left out.
    public func sealingAudience(now: Int64) throws -> [FeedID: [UInt8]] {
        let keys = try agreementKeys()
        let members = try read { db in
            try Data.fetchAll(db, sql: """
                SELECT DISTINCT f.key FROM role_interval i JOIN feed f ON f.id = i.feed WHERE i.through_seq IS NULL
                """).compactMap { FeedID(bytes: Array($0)) }
        }
        let open = try invites().filter { $0.isOpen(now: now) }.map(\.id)
        let inviteKeys = try read { db in
            try open.compactMap { id in
                try Data.fetchOne(db, sql: "SELECT key FROM invite WHERE id = ?", arguments: [id]).flatMap { FeedID(bytes: Array($0)) }
            }
        }
        var audience: [FeedID: [UInt8]] = [:]
        for feed in members + inviteKeys { if let key = keys[feed] { audience[feed] = key } }
        return audience
    }
}

extension AppDatabase {
    /// The one-time key an invite names.
    public func inviteKey(_ id: EntityID) throws -> FeedID? {
        try read { db in try Data.fetchOne(db, sql: "SELECT key FROM invite WHERE id = ?", arguments: [id.hex]).flatMap { FeedID(bytes: Array($0)) } }
    }
}
