import GRDB
import IntersessionCore

extension ChangeApplier {
    /// The mutations of a sealed group: its flag, the agreement keys, its epochs.
    func executeSealing(_ mutation: Mutation, author: Int64) throws {
        switch mutation {
        case .sealGroup:
            try db.execute(sql: "UPDATE group_info SET sealed = 1")
        case .publishAgreementKey(let feed, let key):
            try db.execute(sql: "INSERT OR IGNORE INTO agreement_key (feed, key) VALUES (?, ?)", arguments: [feed.hex, key.blob])
        case .startEpoch(let id, let key, _, let seq):
            try startEpoch(id, key, author: author, seq: seq)
        default:
            preconditionFailure("not a sealing mutation")
        }
    }

    /// Records an epoch that counts, with its wraps.
    func startEpoch(_ id: EntityID, _ key: GroupKey, author: Int64, seq: Int64) throws {
        let recipients = key.wraps.keys.map(\.hex).sorted().joined(separator: ",")
        try db.execute(sql: """
            INSERT OR IGNORE INTO epoch (id, number, parent, author, seq, check_hash, history, recipients)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id.hex, key.number, key.parent?.hex, author, seq, key.check.blob, key.history?.blob, recipients])
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO epoch_wrap (epoch, recipient, envelope) VALUES (?, ?, ?)")
        for (recipient, envelope) in key.wraps {
            try insert.execute(arguments: [id.hex, recipient.hex, envelope.blob])
        }
    }

    func epochNumber(_ id: EntityID) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT number FROM epoch WHERE id = ?", arguments: [id.hex])
    }
}
