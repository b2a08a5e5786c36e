import GRDB

extension AppDatabase {
    /// A write of this profile's local state (read marks, settings), committed without waiting
    /// for the disk: it is the profile's convenience, not the group's record, and the interface
    /// writes a read mark for each post it shows, a sync its time. The commit is as atomic as
    /// any (WAL); only a power cut in the next moments can forget it, and the next write of the
    /// log (`synchronous = FULL`, as every other write) makes it durable with itself.
    func writeLocal(_ work: (Database) throws -> Void) throws {
        try StoreError.wrap(path: path) {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
                try db.inTransaction {
                    try work(db)
                    return .commit
                }
            }
        }
    }
}
