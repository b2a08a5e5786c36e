/// Why a run of one feed's changes is not a valid continuation of that feed.
public enum ChainError: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongGroup(seq: Int64)
    case wrongAuthor(seq: Int64)
    case wrongSeq(expected: Int64, found: Int64)
    case brokenLink(seq: Int64)
    case badSignature(seq: Int64)

    public var description: String {
        switch self {
        case .wrongGroup(let seq): "change \(seq) belongs to another group"
        case .wrongAuthor(let seq): "change \(seq) is from another feed"
        case .wrongSeq(let expected, let found): "expected seq \(expected), found \(found)"
        case .brokenLink(let seq): "change \(seq) does not link to the hash of the change before it"
        case .badSignature(let seq): "change \(seq) has an invalid signature"
        }
    }
}

/// Validates a contiguous run of one feed's changes (DESIGN §4): each `prev` is the hash of the
/// change before, and a valid signature on the last change vouches for the whole run through
/// those links. Only when it fails is each signature checked, to name the bad one.
public enum FeedChain {
    /// - Parameters:
    ///   - after: the seq and hash of the change just before the run (nil when it starts at seq 1).
    public static func validate(
        _ run: [SignedChange], feed: FeedID, group: GroupID?, after: (seq: Int64, hash: ChangeHash)?
    ) throws(ChainError) {
        var walk = Walk(feed: feed, group: group, after: after)
        for change in run { try walk.step(change) }
        guard let last = run.last, !last.verifySignature() else { return }
        for change in run where !change.verifySignature() {
            throw .badSignature(seq: change.seq)
        }
        throw .badSignature(seq: last.seq)
    }

    /// The same rules, one change at a time, for a reader that decodes a run as it goes: each
    /// change must follow the one before; the caller checks the last change's signature.
    public struct Walk: Sendable {
        let feed: FeedID
        let group: GroupID?
        var expectedSeq: Int64
        var previous: ChangeHash?

        public init(feed: FeedID, group: GroupID?, after: (seq: Int64, hash: ChangeHash)?) {
            self.feed = feed
            self.group = group
            expectedSeq = (after?.seq ?? 0) + 1
            previous = after?.hash
        }

        /// A run read from a file starts after whatever its first change links to.
        public init(feed: FeedID, group: GroupID?, startingWith first: SignedChange) {
            self.init(feed: feed, group: group, after: first.body.prev.map { (first.seq - 1, $0) })
        }

        public mutating func step(_ change: SignedChange) throws(ChainError) {
            let body = change.body
            guard body.author == feed else { throw .wrongAuthor(seq: body.seq) }
            guard body.seq == expectedSeq else { throw .wrongSeq(expected: expectedSeq, found: body.seq) }
            if let group {
                // The genesis change names no group: the group id is its own hash.
                let belongs = body.isGenesis ? change.hash == group : body.group == group
                guard belongs else { throw .wrongGroup(seq: body.seq) }
            }
            guard body.prev == previous else { throw .brokenLink(seq: body.seq) }
            previous = change.hash
            expectedSeq += 1
        }
    }
}
