import Foundation
import GRDB
import IntersessionCore

/// A logged change that waits for a dependency: its log row, its feed and seq, and, while the
/// batch that met it runs, the change itself. Carried to a later batch it is its row only,
/// read back from the log once, when what it waits for comes.
struct PendingChange: Sendable {
    /// A change held in memory, boxed: tens of thousands of rows may wait, each a few words.
    final class Held: Sendable {
        let change: SignedChange
        init(_ change: SignedChange) { self.change = change }
    }

    let logRow: Int64
    let author: FeedID
    let seq: Int64
    var held: Held?

    init(logRow: Int64, held change: SignedChange) {
        self.logRow = logRow
        author = change.author
        seq = change.seq
        held = Held(change)
    }

    func holding(_ change: SignedChange) -> PendingChange {
        var copy = self
        copy.held = held ?? Held(change)
        return copy
    }

    var compact: PendingChange {
        var copy = self
        copy.held = nil
        return copy
    }

    func change(in db: Database) throws -> SignedChange {
        if let held { return held.change }
        let fetch = try db.cachedStatement(sql: "SELECT hash, body, sig FROM change WHERE id = ?")
        guard let row = try Row.fetchOne(fetch, arguments: [logRow]) else { throw StoreError.malformedLog }
        return try ChangeApplier.loggedChange(row, offset: 0)
    }
}

/// What one import carries from a batch to the next: the changes still waiting, by log row.
/// A batch given them does not read and decode every pending change of the log again, which
/// made an import whose replies came before their threads quadratic in time and memory.
///
/// They hold only while nothing else changed the log: the next batch compares the log's
/// fingerprint (another connection's commit, the highest log row, every feed's head and fork
/// point, the changes set aside) with the one taken as they were made, and reads the log's
/// pending changes again on any difference.
public struct PendingChanges: Sendable {
    let waiting: [FeedID: [Int64: [PendingChange]]]
    let fingerprint: LogFingerprint

    /// How many changes wait.
    public var count: Int { waiting.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } } }
}

struct LogFingerprint: Sendable, Equatable {
    let dataVersion: Int64
    let lastLogRow: Int64
    let setAside: Int64
    /// Each feed's row, head seq and fork point (-1 for none), in row order.
    let feeds: [Int64]

    init(_ db: Database) throws {
        dataVersion = try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? -1
        lastLogRow = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM change") ?? 0
        setAside = try Int64.fetchOne(db, sql: "SELECT count(*) FROM set_aside_change") ?? 0
        var feeds: [Int64] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, head_seq, coalesce(frozen_from, -1) FROM feed ORDER BY id") {
            feeds += [row[0], row[1], row[2]]
        }
        self.feeds = feeds
    }
}

extension ChangeApplier {
    /// Puts the carried waiting changes back in line if the log is as they left it, else the log's.
    func resume(from carried: PendingChanges?) throws {
        if let carried, try LogFingerprint(db) == carried.fingerprint {
            waiting = carried.waiting
        } else {
            try resumePending()
        }
    }

    /// The waiting changes by row only, with the log's fingerprint, for the next batch.
    func carriedPending() throws -> PendingChanges {
        PendingChanges(waiting: waiting.mapValues { $0.mapValues { $0.map(\.compact) } }, fingerprint: try LogFingerprint(db))
    }
}
