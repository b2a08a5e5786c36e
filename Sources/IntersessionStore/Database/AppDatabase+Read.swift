import GRDB

extension AppDatabase {
    /// Runs `work` in one read transaction. A pool reads on one of its reader connections, as
    /// GRDB's `read` does. One connection (a command's) reads in a deferred transaction begun
    /// and ended by cached statements, without GRDB's `PRAGMA query_only` around it: that
    /// pragma expires every statement the connection prepared, so that each read re-prepared
    /// each cached statement it ran (111 re-preparations in a sync with nothing new, a quarter
    /// of its time; issue 14).
    func read<T>(_ work: (Database) throws -> T) throws -> T {
        guard writer is DatabaseQueue else { return try StoreError.wrap(path: path) { try writer.read(work) } }
        return try StoreError.wrap(path: path) {
            try writer.writeWithoutTransaction { db in
                try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
                do {
                    let result = try work(db)
                    try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
                    return result
                } catch {
                    try? db.rollback()
                    throw error
                }
            }
        }
    }
}
