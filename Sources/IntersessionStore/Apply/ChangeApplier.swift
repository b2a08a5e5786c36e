import Foundation
import GRDB
import IntersessionCore

/// Applies changes to the store inside one write transaction: logs them, holds those whose
/// dependencies are missing, and applies each as soon as its feed's previous change and its
/// `deps` are applied. Any order of delivery, with duplicates, gives the same state.
final class ChangeApplier {
    struct FeedState {
        var row: Int64
        var headSeq: Int64
        var headHash: ChangeHash?
        /// The fork point: changes from this seq on do not count (DESIGN §4).
        var frozenFrom: Int64?
        var dirty = false

        func isFrozen(at seq: Int64) -> Bool { frozenFrom.map { seq >= $0 } ?? false }
    }

    let db: Database
    private(set) var group: GroupID?
    var feeds: [FeedID: FeedState] = [:]
    /// Changes waiting for `feed` to reach `seq`: waiting[feed][seq]. Those carried from an
    /// earlier batch are held by their log row only (see `PendingChanges`).
    var waiting: [FeedID: [Int64: [PendingChange]]] = [:]
    /// How many waiting changes are held decoded (see `wait`).
    var heldWaiting = 0
    var heldWaitingLimit = 4_096
    var roleCache: [FeedID: RoleHistory] = [:]
    var penCache: [EntityID: [FeedID: Tenure]] = [:]
    /// Facts of posts met in this batch: replies mostly go to recent posts, so most lookups hit.
    var postCache: [EntityID: PostFacts] = [:]
    /// Threads' lock frontiers read in this batch (each reply reads its thread's); every write
    /// of one drops its entry.
    var lockFrontiers: [EntityID: String?] = [:]
    /// During a rebuild's later passes, what the previous pass found (see `rebuild()`).
    var known: Authority?
    var rebuilding = false
    var latest: HLC
    var report = ApplyReport()
    var needsRebuild = false
    var deferredDeletes: [(feed: Int64, seq: Int64)] = []
    /// Draft texts edited in this batch, written back once by `flush()`.
    var draftTexts: [EntityID: SequenceText] = [:]
    var editedDrafts: [EntityID: Int64] = [:]
    var draftBlames: [EntityID: DraftBlame] = [:]
    lazy var statements = HotStatements(db: db)
    /// Posts applied per thread since the thread rows and topic counters were last brought up
    /// to date (`flushPostCounts`).
    var postsAdded: [EntityID: AddedPosts] = [:]
    /// The search index is left behind (`SearchIndex`): no post goes into it or out of it.
    let searchIsBehind: Bool

    init(db: Database) throws {
        self.db = db
        group = try Meta.groupID(db)
        latest = try Meta.latestHLC(db)
        searchIsBehind = try SearchIndex.isBehind(db)
    }

    /// Takes a change from outside (authored here or imported), logs it and applies what it can.
    func receive(_ change: SignedChange) throws {
        guard try belongsToGroup(change) else {
            report.wrongGroup += 1
            return
        }
        let state = try feedState(change.author)
        // What no reader would accept from a folder is kept as evidence, never logged, and so
        // never taken for one side of a fork (a replica reading folders never sees it).
        if let problem = Limits.problem(with: change) {
            try keepEvidence(change, feedRow: state.row, reason: problem.description)
            return
        }
        if change.seq <= state.headSeq {
            try compareWithLogged(change, feedRow: state.row)
            return
        }
        let body = change.body
        let log = try statements(.logChange)
        log.bind(state.row, at: 1)
        log.bind(body.seq, at: 2)
        log.bind(blob: change.hash.bytes, at: 3)
        log.bind(body.hlc.millis, at: 4)
        log.bind(body.hlc.counter, at: 5)
        log.bind(blob: change.bytes, at: 6)
        log.bind(blob: change.signature, at: 7)
        try log.execute()
        if db.changesCount == 0 {
            try compareWithLogged(change, feedRow: state.row)
            return
        }
        try drain(PendingChange(logRow: db.lastInsertedRowID, held: change))
    }

    /// Takes a change read only as fork evidence (a sync tool's conflict copy): compared with
    /// the change logged at its seq, by the same rule as a received one, and never logged or
    /// applied. With nothing logged at its seq yet, it is counted in `uncompared`.
    func consider(evidence change: SignedChange) throws {
        guard let group, !change.body.isGenesis, change.body.group == group else {
            report.wrongGroup += 1
            return
        }
        if Limits.problem(with: change) != nil { return }
        // Looked up by key: evidence of a feed never seen makes no feed row.
        let logged = try Bool.fetchOne(db, sql: """
            SELECT 1 FROM change c JOIN feed f ON f.id = c.feed WHERE f.key = ? AND c.seq = ?
            """, arguments: [change.author.bytes.blob, change.seq]) ?? false
        guard logged else {
            report.uncompared += 1
            return
        }
        let state = try feedState(change.author)
        try compareWithLogged(change, feedRow: state.row)
    }

    /// Applies `first` if it is ready, then every waiting change it unblocks.
    func drain(_ first: PendingChange) throws {
        var queue = [first]
        while let pending = queue.popLast() {
            let change = try pending.change(in: db)
            let state = try feedState(change.author)
            if state.isFrozen(at: change.seq) { continue }
            // A removed member's later changes are kept as evidence, never applied.
            if let removed = try removedAfter(change.author), change.seq > removed {
                try setAside(change, removedAfter: removed)
                continue
            }
            if change.seq > state.headSeq + 1 {
                wait(pending.holding(change), for: change.author, reaching: change.seq - 1)
                continue
            }
            if let (feed, seq) = try firstMissingDependency(of: change) {
                wait(pending.holding(change), for: feed, reaching: seq)
                continue
            }
            guard change.body.prev == state.headHash else {
                try refuse(change, feedRow: state.row, reason: "does not link to the change before it")
                continue
            }
            try apply(change)
            queue.append(contentsOf: takeWaiting(for: change.author, reaching: change.seq))
        }
    }

    /// Writes the feed heads and the clock, then rebuilds if a late role grant asked for it.
    func finish() throws {
        try flush()
        if needsRebuild {
            var kept = report
            try rebuild()
            kept.pending = report.pending
            kept.rebuilt = true
            report = kept
        }
    }

    func flush() throws {
        try flushPostCounts()
        for (feed, var state) in feeds where state.dirty {
            try db.execute(
                sql: "UPDATE feed SET head_seq = ?, head_hash = ? WHERE id = ?",
                arguments: [state.headSeq, state.headHash?.bytes.blob, state.row])
            state.dirty = false
            feeds[feed] = state
        }
        for row in deferredDeletes {
            try db.execute(sql: "DELETE FROM change WHERE feed = ? AND seq = ?", arguments: [row.feed, row.seq])
        }
        deferredDeletes = []
        try flushDrafts()
        try Meta.setLatestHLC(latest, db)
        try setAsideWaitingOfRemoved()
        report.pending = waiting.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } }
    }

    private func apply(_ change: SignedChange) throws {
        guard let group else { return }
        for index in change.body.ops.indices {
            for mutation in try Rules.mutations(forOp: index, of: change, in: group, reader: self) {
                try execute(mutation, of: change)
            }
        }
        var state = feeds[change.author]!
        state.headSeq = change.seq
        state.headHash = change.hash
        state.dirty = true
        feeds[change.author] = state
        if change.body.hlc > latest { latest = change.body.hlc }
        report.applied += 1
    }

    private func wait(_ change: PendingChange, for feed: FeedID, reaching seq: Int64) {
        // Past a few thousand, what waits is held by its log row only, so that replies read
        // long before their threads do not fill memory; they are read back once, when woken.
        var change = change
        if change.held != nil {
            if heldWaiting < heldWaitingLimit { heldWaiting += 1 } else { change = change.compact }
        }
        waiting[feed, default: [:]][seq, default: []].append(change)
    }

    /// Removes and returns the changes waiting for `feed` to reach `seq`.
    private func takeWaiting(for feed: FeedID, reaching seq: Int64) -> [PendingChange] {
        guard let woken = waiting[feed]?.removeValue(forKey: seq) else { return [] }
        heldWaiting -= woken.filter { $0.held != nil }.count
        return woken
    }

    private func firstMissingDependency(of change: SignedChange) throws -> (FeedID, Int64)? {
        for (feed, seq) in change.body.deps {
            let state = try feedState(feed)
            // A forked feed never reaches past its fork point: what depends on its later
            // changes (a close that saw them) is judged without them, as on every replica.
            let reachable = state.frozenFrom.map { min(seq, $0 - 1) } ?? seq
            if state.headSeq < reachable { return (feed, reachable) }
        }
        return nil
    }

    private func belongsToGroup(_ change: SignedChange) throws -> Bool {
        guard let group else {
            guard change.body.isGenesis, change.seq == 1 else { return false }
            group = change.hash
            try Meta.setGroupID(change.hash, db)
            return true
        }
        return change.body.isGenesis ? change.hash == group : change.body.group == group
    }

    /// A change at a (feed, seq) already logged: a harmless duplicate, a forgery kept as
    /// evidence, or a fork: two changes signed by one key for one seq. A fork freezes the feed
    /// from that seq on, on every replica that sees both.
    private func compareWithLogged(_ change: SignedChange, feedRow: Int64) throws {
        let logged = try Data.fetchOne(
            db, sql: "SELECT hash FROM change WHERE feed = ? AND seq = ?", arguments: [feedRow, change.seq])
        if logged.map(Array.init) == change.hash.bytes {
            report.duplicates += 1
        } else if !change.verifySignature() {
            try keepEvidence(change, feedRow: feedRow, reason: "a different change with the same seq, badly signed")
        } else {
            try keepEvidence(change, feedRow: feedRow, reason: "fork: a second change signed for this seq")
            try freeze(change.author, from: change.seq)
        }
    }

    private func freeze(_ feed: FeedID, from seq: Int64) throws {
        var state = try feedState(feed)
        guard !state.isFrozen(at: seq) else { return }
        state.frozenFrom = seq
        feeds[feed] = state
        try db.execute(sql: "UPDATE feed SET frozen_from = ? WHERE id = ?", arguments: [seq, state.row])
        report.forks.append(RefusedChange(feed: feed, seq: seq, reason: "fork"))
        if state.headSeq >= seq { needsRebuild = true }
        // What waited for the feed to pass the fork point would wait forever: judge it now.
        for key in (waiting[feed] ?? [:]).keys where key >= seq {
            for stranded in takeWaiting(for: feed, reaching: key) { try drain(stranded) }
        }
    }

    private func refuse(_ change: SignedChange, feedRow: Int64, reason: String) throws {
        deferredDeletes.append((feedRow, change.seq))
        try keepEvidence(change, feedRow: feedRow, reason: reason)
    }

    private func keepEvidence(_ change: SignedChange, feedRow: Int64, reason: String) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO refused_change (feed, seq, hash, body, sig, reason) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [feedRow, change.seq, change.hash.bytes.blob, change.bytes.blob, change.signature.blob, reason])
        report.refused.append(RefusedChange(feed: change.author, seq: change.seq, reason: reason))
    }

    /// Adds the posts applied to each thread to its topic's counter. Run before anything that
    /// moves or deletes a thread, whose triggers count what the thread row holds.
    /// Brings each touched thread's post count and last activity, and its topic's counter, up
    /// to date: once per transaction for each thread, not once per post (a per-post update also
    /// moved the thread's entry in `thread_by_topic` every time).
    func flushPostCounts() throws {
        for (thread, added) in postsAdded {
            let touch = try statements(.touchThread)
            touch.bind(added.count, at: 1)
            touch.bind(added.latest.millis, at: 2)
            touch.bind(added.latest.counter, at: 3)
            touch.bind(thread.hex, at: 4)
            try touch.execute()
            try db.execute(sql: "UPDATE topic_count SET posts = posts + ? WHERE topic = (SELECT topic FROM thread WHERE id = ?)",
                           arguments: [added.count, thread.hex])
        }
        postsAdded = [:]
    }

    func feedState(_ feed: FeedID) throws -> FeedState {
        if let state = feeds[feed] { return state }
        let row = try Row.fetchOne(
            db, sql: "SELECT id, head_seq, head_hash, frozen_from FROM feed WHERE key = ?", arguments: [feed.bytes.blob])
        let state: FeedState
        if let row {
            let hash: Data? = row[2]
            state = FeedState(
                row: row[0], headSeq: row[1], headHash: hash.flatMap { ChangeHash(bytes: Array($0)) }, frozenFrom: row[3])
        } else {
            try db.execute(sql: "INSERT INTO feed (key, hex) VALUES (?, ?)", arguments: [feed.bytes.blob, feed.hex])
            state = FeedState(row: db.lastInsertedRowID, headSeq: 0, headHash: nil)
        }
        feeds[feed] = state
        return state
    }
}
