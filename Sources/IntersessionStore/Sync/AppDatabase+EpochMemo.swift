import Foundation
import GRDB
import IntersessionCore

/// What key learnings already tried (`EpochUnlockMemo`, migration v15-quiet): a sync with
/// nothing new opens no envelope and no history.
extension AppDatabase {
    public func epochUnlockMemo() throws -> EpochUnlockMemo {
        try read { db in
            var memo = EpochUnlockMemo()
            for row in try Row.fetchAll(db, sql: "SELECT epoch, holds FROM epoch_history_opened") {
                let holds: String = row[1]
                memo.histories[row[0]] = holds.isEmpty ? [] : holds.split(separator: ",").map(String.init)
            }
            for row in try Row.fetchAll(db, sql: "SELECT epoch, recipient FROM epoch_wrap_unopened") {
                guard let recipient = FeedID(hex: row[1] as String) else { continue }
                memo.unopened.insert(.init(epoch: row[0], recipient: recipient))
            }
            return memo
        }
    }

    /// Keeps the keys learned and what was tried to learn them, in one transaction.
    public func holdEpochKeys(_ keys: [String: [UInt8]], remembering memo: EpochUnlockMemo) throws {
        guard !keys.isEmpty || !memo.histories.isEmpty || !memo.unopened.isEmpty else { return }
        try write { db in
            for (id, key) in keys where key.count == 32 {
                try db.execute(sql: "INSERT OR IGNORE INTO epoch_key (id, key) VALUES (?, ?)", arguments: [id, key.blob])
            }
            for (epoch, holds) in memo.histories {
                try db.execute(sql: "INSERT OR REPLACE INTO epoch_history_opened (epoch, holds) VALUES (?, ?)",
                               arguments: [epoch, holds.sorted().joined(separator: ",")])
            }
            for attempt in memo.unopened {
                try db.execute(sql: "INSERT OR IGNORE INTO epoch_wrap_unopened (epoch, recipient) VALUES (?, ?)",
                               arguments: [attempt.epoch, attempt.recipient.hex])
            }
        }
    }
}
