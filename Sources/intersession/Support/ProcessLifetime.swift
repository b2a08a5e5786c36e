import IntersessionStore

/// Stores a command opened, kept until the process ends instead of closed when the command's
/// work is done. Closing one costs a command about 1.6 M instructions (GRDB's deinit asks
/// Foundation to remove its observers, the first dynamic cast of the process; SQLite then
/// tears the connection down), a tenth of `whoami` (issue 14). Nothing is lost by not closing:
/// every commit is already durable in the WAL, and the next connection recovers it as after a
/// killed process.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [AppDatabase] = []

    /// `store`, kept open until the process exits.
    static func keep(_ store: AppDatabase) -> AppDatabase {
        kept.append(store)
        return store
    }
}
