import Foundation
import GRDB
import IntersessionCore

/// A feed whose logged changes do not hold together: a hash that is not its bytes', a broken
/// link, a bad signature, an unreadable body. Only a damaged or tampered store has one.
public struct LogProblem: Sendable, Equatable, CustomStringConvertible {
    public var feed: FeedID
    public var reason: String

    public var description: String { "feed \(feed.short): \(reason)" }
}

/// The checks `intersession repair` runs on a store that opens: SQLite's own, the log's hash
/// chains and signatures, and the state against a rebuild from the log.
extension AppDatabase {
    /// What `PRAGMA integrity_check` finds; empty when the file is sound.
    public func integrityProblems() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" } }
    }

    /// The first problem of each feed's logged changes, checked as an import checks a segment.
    public func logProblems() throws -> [LogProblem] {
        try read { db in
            let group = try Meta.groupID(db)
            var problems: [LogProblem] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, key FROM feed ORDER BY hex") {
                guard let feed = FeedID(bytes: Array(row[1] as Data)) else { continue }
                if let reason = try Self.chainProblem(db, feedRow: row[0], feed: feed, group: group) {
                    problems.append(LogProblem(feed: feed, reason: reason))
                }
            }
            return problems
        }
    }

    /// Whether the state is what a rebuild from the log gives; the rebuild is rolled back.
    public func stateMatchesLog() throws -> Bool {
        try StoreError.wrap(path: path) {
            try writer.writeWithoutTransaction { db in
                var matches = false
                try db.inTransaction {
                    let before = try Self.stateDigest(db)
                    try ChangeApplier(db: db).rebuild()
                    matches = try Self.stateDigest(db) == before
                    return .rollback
                }
                return matches
            }
        }
    }

    /// Runs of one feed's changes, checked in slices so that a long feed is never all in memory.
    private static func chainProblem(_ db: Database, feedRow: Int64, feed: FeedID, group: GroupID?) throws -> String? {
        let rows = try Row.fetchCursor(db, sql: "SELECT seq, hash, body, sig FROM change WHERE feed = ? ORDER BY seq",
                                       arguments: [feedRow])
        var run: [SignedChange] = []
        var after: (seq: Int64, hash: ChangeHash)?
        while let row = try rows.next() {
            let seq: Int64 = row[0]
            let change: SignedChange
            do {
                change = try SignedChange(bytes: Array(row[2] as Data), signature: Array(row[3] as Data))
            } catch {
                return "change \(seq) is unreadable (\(error))"
            }
            guard change.hash.bytes == Array(row[1] as Data) else { return "change \(seq) does not match its recorded hash" }
            if let last = run.last, last.seq + 1 != seq || run.count >= 4096 {
                if let problem = chainProblem(run, feed: feed, group: group, after: after) { return problem }
                // Across a gap (changes still waiting for earlier ones) nothing links the runs.
                after = last.seq + 1 == seq ? (last.seq, last.hash) : nil
                run = []
            }
            run.append(change)
        }
        return chainProblem(run, feed: feed, group: group, after: after)
    }

    private static func chainProblem(_ run: [SignedChange], feed: FeedID, group: GroupID?,
                                     after: (seq: Int64, hash: ChangeHash)?) -> String? {
        guard let first = run.first else { return nil }
        let link = after ?? first.body.prev.map { (seq: first.seq - 1, hash: $0) }
        do {
            try FeedChain.validate(run, feed: feed, group: group, after: link)
        } catch {
            return "\(error)"
        }
        // The links vouch for every body, but a relay hands on each stored signature: all must hold.
        return run.first(where: { !$0.verifySignature() }).map { "\(ChainError.badSignature(seq: $0.seq))" }
    }
}
