import Foundation
import GRDB
import IntersessionCore

/// Signing this profile's own changes. A new change is checked against the rules before it is
/// kept: if any op would not count, nothing is written and the reason is thrown.
extension AppDatabase {
    /// Founds a group: signs the genesis change, whose hash becomes the group id.
    public func createGroup(ops: [Op], key: DeviceKey, now: Int64) throws -> SignedChange {
        try write { db in
            guard try Meta.groupID(db) == nil else { throw StoreError.alreadyInitialised }
            let body = ChangeBody.next(group: nil, author: key.feed, after: nil, latest: .zero, now: now, deps: [:], ops: ops)
            return try keep(SignedChange(signing: body, with: key), db)
        }
    }

    /// Signs and applies a change of `ops` by this profile. The change depends on what the ops
    /// name (`Op.references`, `namedPositions`, `namedFeeds`, `readsDraft`), found here in one
    /// place; `references` and `extra` add to that (tests that build unusual changes use them).
    public func author(
        ops: [Op], references: [EntityID] = [], key: DeviceKey, now: Int64, dependsOn extra: [FeedID: Int64] = [:]
    ) throws -> SignedChange {
        try write { db in
            guard let group = try Meta.groupID(db) else { throw StoreError.noGroup }
            var deps = extra
            try Self.addDependencies(of: ops, references: references, to: &deps, db)
            let head = try Row.fetchOne(db, sql: "SELECT head_seq, head_hash FROM feed WHERE key = ?", arguments: [key.feed.bytes.blob])
            let feedHead: FeedHead? = head.flatMap { row in
                let hash: Data? = row[1]
                return hash.flatMap { ChangeHash(bytes: Array($0)) }.map { FeedHead(seq: row[0], hash: $0) }
            }
            let body = ChangeBody.next(
                group: group, author: key.feed, after: feedHead, latest: try Meta.latestHLC(db), now: now,
                deps: deps, ops: ops)
            return try keep(SignedChange(signing: body, with: key), db)
        }
    }

    /// Every feed position a change of `ops` must follow.
    static func addDependencies(of ops: [Op], references: [EntityID], to deps: inout [FeedID: Int64], _ db: Database) throws {
        func need(_ feed: FeedID, _ seq: Int64) { if seq > 0 { deps[feed] = max(deps[feed] ?? 0, seq) } }
        for entity in references + ops.flatMap(\.references) {
            guard let origin = try Self.origin(of: entity, db) else { throw StoreError.notFound(kind: "entry", prefix: entity.short) }
            need(origin.feed, origin.seq)
        }
        for op in ops {
            for (feed, seq) in op.namedPositions { need(feed, seq) }
            for feed in op.namedFeeds {
                let head = try Int64.fetchOne(db, sql: "SELECT head_seq FROM feed WHERE key = ?", arguments: [feed.bytes.blob])
                need(feed, head ?? 0)
            }
            if let draft = op.readsDraft { for (feed, seq) in try Self.heads(db, draft.hex) { need(feed, seq) } }
            // A penholder decides on the draft as it stands here, as an edit would.
            if case .amendDecide(let decision) = op,
                let draft = try String.fetchOne(db, sql: "SELECT draft FROM amendment WHERE id = ?", arguments: [decision.amendment.hex]) {
                for (feed, seq) in try Self.heads(db, draft) { need(feed, seq) }
            }
        }
    }

    private func keep(_ change: SignedChange, _ db: Database) throws -> SignedChange {
        let applier = try ChangeApplier(db: db)
        try applier.receive(change)
        try applier.finish()
        if let rejected = applier.report.rejectedOps.first { throw StoreError.refused(rejected.reason) }
        if let refused = applier.report.refused.first { throw StoreError.notApplied(detail: refused.reason) }
        guard applier.report.applied == 1 else { throw StoreError.notApplied(detail: "\(applier.report)") }
        return change
    }

    /// The feed and seq of the change that created an entity.
    static func origin(of entity: EntityID, _ db: Database) throws -> (feed: FeedID, seq: Int64)? {
        let row = try Row.fetchOne(db, sql: """
            SELECT f.key, p.seq FROM post p JOIN feed f ON f.id = p.author WHERE p.id = ?1
            UNION ALL SELECT f.key, t.seq FROM topic t JOIN feed f ON f.id = t.author WHERE t.id = ?1
            UNION ALL SELECT f.key, i.seq FROM invite i JOIN feed f ON f.id = i.author WHERE i.id = ?1
            UNION ALL SELECT f.key, p.seq FROM poll p JOIN feed f ON f.id = p.author WHERE p.id = ?1
            UNION ALL SELECT f.key, n.seq FROM nomination n JOIN feed f ON f.id = n.feed WHERE n.id = ?1
            UNION ALL SELECT f.key, d.seq FROM draft d JOIN feed f ON f.id = d.author WHERE d.id = ?1
            UNION ALL SELECT f.key, a.seq FROM amendment a JOIN feed f ON f.id = a.feed WHERE a.id = ?1
            UNION ALL SELECT f.key, m.seq FROM meeting m JOIN feed f ON f.hex = m.author WHERE m.id = ?1
            UNION ALL SELECT f.key, m.seq FROM meeting_concern m JOIN feed f ON f.hex = m.author WHERE m.id = ?1
            UNION ALL SELECT f.key, m.seq FROM meeting_outcome m JOIN feed f ON f.hex = m.author WHERE m.id = ?1
            UNION ALL SELECT f.key, e.seq FROM epoch e JOIN feed f ON f.id = e.author WHERE e.id = ?1
            UNION ALL SELECT f.key, a.seq FROM attachment a JOIN feed f ON f.hex = a.author WHERE a.id = ?1
            UNION ALL SELECT f.key, r.seq FROM recommendation r JOIN feed f ON f.hex = r.author WHERE r.id = ?1
            UNION ALL SELECT f.key, s.seq FROM practice_step s JOIN feed f ON f.hex = s.author WHERE s.id = ?1
            UNION ALL SELECT f.key, e.seq FROM edition e JOIN feed f ON f.hex = e.author WHERE e.id = ?1
            LIMIT 1
            """, arguments: [entity.hex])
        guard let row, let feed = FeedID(bytes: Array(row[0] as Data)) else { return nil }
        return (feed, row[1])
    }
}
