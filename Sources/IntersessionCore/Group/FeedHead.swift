/// The last change of a feed: where the next one links to.
public struct FeedHead: Sendable, Hashable {
    public var seq: Int64
    public var hash: ChangeHash

    public init(seq: Int64, hash: ChangeHash) {
        self.seq = seq
        self.hash = hash
    }
}

extension ChangeBody {
    /// The body of the next change of a feed whose last change is `head` (nil for a first change).
    public static func next(
        group: GroupID?, author: FeedID, after head: FeedHead?, latest: HLC, now: Int64,
        deps: [FeedID: Int64], ops: [Op]
    ) -> ChangeBody {
        var foreign = deps
        foreign[author] = nil
        return ChangeBody(
            group: group, author: author, seq: (head?.seq ?? 0) + 1, prev: head?.hash,
            hlc: .next(after: latest, now: now), deps: foreign, ops: ops)
    }
}
