/// A close's frontier: for each feed, the last change the closer had applied, as (seq, hash)
/// (DESIGN §6). It decides which of a feed's entries a close takes in, the same way on every
/// replica once all have seen the same changes, and never by a clock.
public enum CloseFrontier {
    /// The highest seq of a feed whose entries (ballots, nominations, acceptances) count under
    /// a close that recorded `head` for it (nil: the closer had seen nothing of it), on a
    /// replica whose log holds `loggedHash` at `head.seq` and froze the feed from `frozenFrom`.
    ///
    /// - A fork at or before `head.seq`: the feed's changes from the fork point are frozen
    ///   everywhere the fork is known, so only those before it count, whichever variant the
    ///   closer saw.
    /// - Otherwise the replica's change at `head.seq` must be the one the closer saw; a replica
    ///   that holds another variant (the fork not yet known to it) counts none of the feed.
    public static func countedThrough(_ head: FeedHead?, loggedHash: ChangeHash?, frozenFrom: Int64?) -> Int64 {
        guard let head, head.seq > 0 else { return 0 }
        if let frozenFrom, head.seq >= frozenFrom { return frozenFrom - 1 }
        return loggedHash == head.hash ? head.seq : 0
    }

    /// Whether the change that carries a frontier depends on every change inside it, so that it
    /// is applied only after them on every replica.
    public static func isCovered(_ frontier: [FeedID: FeedHead], by body: ChangeBody) -> Bool {
        frontier.allSatisfy { feed, head in
            feed == body.author ? head.seq < body.seq : head.seq <= (body.deps[feed] ?? 0)
        }
    }

    /// The seqs a change carrying `frontier` must depend on.
    public static func dependencies(_ frontier: [FeedID: FeedHead]) -> [FeedID: Int64] {
        frontier.mapValues(\.seq)
    }

    /// `{"<feed>": [seq, "<hash>"], …}`
    static func decode(_ entries: [String: JSONValue]) throws(ChangeFormatError) -> [FeedID: FeedHead] {
        var frontier: [FeedID: FeedHead] = [:]
        for (key, value) in entries {
            guard let feed = FeedID(hex: key), let pair = value.arrayValue, pair.count == 2, let seq = pair[0].intValue, seq >= 1,
                let hash = pair[1].stringValue.flatMap(ChangeHash.init(hex:))
            else { throw .badField("frontier", "must map feeds to [seq, hash]") }
            frontier[feed] = FeedHead(seq: seq, hash: hash)
        }
        return frontier
    }

    public static func json(_ frontier: [FeedID: FeedHead]) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: frontier.map { ($0.key.hex, JSONValue.array([.int($0.value.seq), .string($0.value.hash.hex)])) }))
    }

    public static func decode(json: JSONValue) -> [FeedID: FeedHead]? {
        guard let entries = json.objectValue else { return nil }
        return try? decode(entries)
    }
}
