import Foundation
import IntersessionStore

/// The stores a command opened, closed when the command is done but never freed. Freeing one
/// costs a command about 1.2 M instructions, a tenth of `whoami` (GRDB's deinit removes its
/// notification observers, the first dynamic cast of the process: issue 14), and the process
/// ends anyway. Closing is kept: the last connection to close checkpoints the WAL and removes
/// it, so the next command need not rebuild the WAL's index from it.
enum ProcessLifetime {
    nonisolated(unsafe) private static var stores: [AppDatabase] = []

    /// `store`, closed (and kept) when the process exits, however it does: a command's end,
    /// an error, an exit status.
    static func keep(_ store: AppDatabase) -> AppDatabase {
        if stores.isEmpty { atexit { ProcessLifetime.closeAll() } }
        stores.append(store)
        return store
    }

    private static func closeAll() {
        for store in stores { try? store.close() }
    }
}
