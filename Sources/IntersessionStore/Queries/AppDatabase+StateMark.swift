import Foundation
import GRDB
import IntersessionCore

extension AppDatabase {
    /// A mark of what the log has made of the state here: each feed's head and freeze (the
    /// applied state is what the changes up to the heads make, frozen feeds cut), and how many
    /// epoch keys this device holds. Equal marks, equal state: a check that depends only on the
    /// state (and the clock) need not be made again while the mark stays (`renewEpochIfNeeded`).
    /// One row per feed, flat in the length of the log.
    public func appliedStateMark() throws -> String {
        try read { db in
            let feeds = try String.fetchOne(db, sql: """
                SELECT group_concat(id || ':' || head_seq || ':' || coalesce(frozen_from, '-'), ',')
                FROM (SELECT id, head_seq, frozen_from FROM feed ORDER BY id)
                """) ?? ""
            let keys = try Int.fetchOne(db, sql: "SELECT count(*) FROM epoch_key") ?? 0
            return feeds + "|" + String(keys)
        }
    }
}

extension AppDatabase {
    /// How many rows this store's connection has written since it opened (SQLite's
    /// `total_changes`): equal before and after some work, that work wrote nothing here, so
    /// whatever was derived from the store before it still holds. Writes by other processes
    /// are not counted.
    public func rowsWrittenHere() throws -> Int {
        try StoreError.wrap(path: path) { writer.writeWithoutTransaction { $0.totalChangesCount } }
    }
}
