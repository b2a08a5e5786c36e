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

    /// Signs and applies a change of `ops` by this profile. `references` are the entities the ops
    /// name; the change depends on the changes that created them.
    public func author(
        ops: [Op], references: [EntityID], key: DeviceKey, now: Int64, dependsOn extra: [FeedID: Int64] = [:]
    ) throws -> SignedChange {
        try write { db in
            guard let group = try Meta.groupID(db) else { throw StoreError.noGroup }
            var deps = extra
            for entity in references {
                guard let origin = try Self.origin(of: entity, db) else {
                    throw StoreError.notFound(kind: "entry", prefix: entity.short)
                }
                deps[origin.feed] = max(deps[origin.feed] ?? 0, origin.seq)
            }
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

    private func keep(_ change: SignedChange, _ db: Database) throws -> SignedChange {
        let applier = try ChangeApplier(db: db)
        try applier.receive(change)
        try applier.finish()
        if let rejected = applier.report.rejectedOps.first {
            throw StoreError.invalid(Self.explain(rejected.reason))
        }
        if let refused = applier.report.refused.first {
            throw StoreError.invalid("the change is refused: \(refused.reason)")
        }
        guard applier.report.applied == 1 else {
            throw StoreError.invalid("the change could not be applied (\(applier.report))")
        }
        return change
    }

    static func explain(_ reason: RejectionReason) -> String {
        switch reason {
        case .notAuthorised: "your role does not allow this"
        case .notAuthor: "only the author may do this"
        case .unknownTopic: "no such topic"
        case .unknownThread: "no such thread"
        case .unknownPost: "no such post"
        case .retracted: "that post was retracted by its author"
        case .wrongThread: "that post is in another thread"
        case .genesisOnly: "a group can only be created once"
        case .invalidContent: "the text is empty or over the size limit"
        case .unsupportedOp: "this version does not know that operation"
        case .unknownInvite: "no such invite in this group"
        case .badInviteProof: "the invite's proof does not match this profile"
        case .threadLocked: "the thread is locked by the co-chairs"
        case .notEligible: "your role is not in this poll's electorate"
        case .invalidBallot: "that ballot does not fit the poll (a block needs a reason; options must be listed once)"
        case .unknownPoll: "no such poll"
        case .notAnElection: "that poll is not an election"
        case .notEligibleCandidate: "a candidate for this seat must hold its role (member for a Member administration, private for the private sector)"
        case .unknownNomination: "no such nomination"
        case .unknownDraft: "no such draft"
        case .notPenholder: "only the draft's penholders (and the co-chairs and secretariat) may do this"
        case .unknownAmendment: "no such amendment"
        case .textConflict: "the edit names text this draft does not have"
        case .frontierOutsideDeps: "the frontier names changes the close does not depend on"
        }
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
            LIMIT 1
            """, arguments: [entity.hex])
        guard let row, let feed = FeedID(bytes: Array(row[0] as Data)) else { return nil }
        return (feed, row[1])
    }
}
