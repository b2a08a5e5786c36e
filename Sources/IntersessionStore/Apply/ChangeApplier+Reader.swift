import Foundation
import GRDB
import IntersessionCore

/// The rules read the state through the applier, inside its transaction.
extension ChangeApplier: StateReader {
    func roles(of feed: FeedID, atSeq seq: Int64) throws -> Set<Role> {
        if let known { return known.roles[feed]?.roles(at: seq) ?? [] }
        return try roleHistory(of: feed).roles(at: seq)
    }

    func removedAfter(_ feed: FeedID) throws -> Int64? {
        if let known { return known.roles[feed]?.removedAfter }
        return try roleHistory(of: feed).removedAfter
    }

    func poll(_ id: EntityID) throws -> PollCreate? {
        try PollJSON.poll(db, id: id.hex)
    }

    func nomination(_ id: EntityID) throws -> NominationFacts? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT n.poll, f.key FROM nomination n JOIN feed f ON f.id = n.nominee WHERE n.id = ?", arguments: [id.hex]),
            let poll = EntityID(hex: row[0]), let nominee = FeedID(bytes: Array(row[1] as Data))
        else { return nil }
        return NominationFacts(poll: poll, nominee: nominee)
    }

    func draft(_ id: EntityID) throws -> EntityID? {
        try String.fetchOne(db, sql: "SELECT topic FROM draft WHERE id = ?", arguments: [id.hex]).flatMap(EntityID.init(hex:))
    }

    func amendmentDraft(_ id: EntityID) throws -> EntityID? {
        try String.fetchOne(db, sql: "SELECT draft FROM amendment WHERE id = ?", arguments: [id.hex]).flatMap(EntityID.init(hex:))
    }

    func threadExists(_ id: EntityID) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM thread WHERE id = ?", arguments: [id.hex]) ?? false
    }

    func lockFrontier(of thread: EntityID) throws -> [FeedID: Int64]? {
        let value: String?
        if let known {
            value = known.locks[thread]
        } else if let cached = lockFrontiers[thread] {
            value = cached
        } else {
            value = try String.fetchOne(statements(.lockFrontier), arguments: [thread.hex])
            lockFrontiers.updateValue(value, forKey: thread)
        }
        guard let value, let json = try? JSONParser.parse(Array(value.utf8)), let entries = json.objectValue else { return nil }
        var frontier: [FeedID: Int64] = [:]
        for (key, seq) in entries { if let feed = FeedID(hex: key), let seq = seq.intValue { frontier[feed] = seq } }
        return frontier
    }

    func invite(_ id: EntityID) throws -> InviteFacts? {
        guard let row = try Row.fetchOne(db, sql: "SELECT key, role, also FROM invite WHERE id = ?", arguments: [id.hex]),
            let key = FeedID(bytes: Array(row[0] as Data)), let role = Role(rawValue: row[1])
        else { return nil }
        let also = ((row[2] as String?) ?? "").split(separator: ",").compactMap { Role(rawValue: String($0)) }
        return InviteFacts(key: key, roles: [role] + also.filter { $0 != role })
    }

    func topicExists(_ id: EntityID) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM topic WHERE id = ?", arguments: [id.hex]) ?? false
    }

    func post(_ id: EntityID) throws -> PostFacts? {
        if let facts = postCache[id] { return facts }
        guard let facts = try fetchPost(id) else { return nil }
        remember(facts, for: id)
        return facts
    }

    func remember(_ facts: PostFacts, for id: EntityID) {
        // Replies mostly go to recent posts; a transaction of a whole fresh peer's import holds
        // no more than this many facts (a few megabytes).
        if postCache.count >= 16_384 { postCache.removeAll(keepingCapacity: true) }
        postCache[id] = facts
    }

    private func fetchPost(_ id: EntityID) throws -> PostFacts? {
        guard let row = try Row.fetchOne(statements(.postFacts), arguments: [id.hex]) else { return nil }
        let key: Data = row[1]
        guard let thread = EntityID(hex: row[0]), let author = FeedID(bytes: Array(key)) else { return nil }
        let stamp = ChangeStamp(hlc: HLC(millis: row[2], counter: row[3]), author: author, seq: row[4])
        return PostFacts(thread: thread, author: author, bodyStamp: stamp, retracted: row[5])
    }

    func profileStamp(of feed: FeedID) throws -> ChangeStamp? {
        let row = try feedState(feed).row
        guard let stamp = try Row.fetchOne(
            db, sql: "SELECT stamp_ms, stamp_c, stamp_seq FROM member WHERE feed = ?", arguments: [row])
        else { return nil }
        return ChangeStamp(hlc: HLC(millis: stamp[0], counter: stamp[1]), author: feed, seq: stamp[2])
    }
}
