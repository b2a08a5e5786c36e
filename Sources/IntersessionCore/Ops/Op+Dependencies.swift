/// What an op names outside its own change, so that the change that carries it depends on
/// whatever must be applied first. One list, read by every act: no front end builds its own.
extension Op {
    /// The entities the op names: its change depends on the changes that created them.
    public var references: [EntityID] {
        switch self {
        case .groupKey(let op): op.parent.map { [$0] } ?? []
        case .memberJoin(let op): [op.invite]
        case .memberAdmit(let op): [op.invite]
        case .memberUninvite(let op): [op.invite]
        case .moderation(let op): op.action.references
        case .pollVote(let op): [op.poll]
        case .pollClose(let op): [op.poll]
        case .pollOutcome(let op): [op.poll]
        case .pollNominate(let op): [op.poll]
        case .pollAccept(let op): [op.nomination]
        case .draftCreate(let op): [op.topic] + (op.translationOf.map { [$0] } ?? [])
        case .draftEdit(let op): [op.draft]
        case .draftPenholders(let op): [op.draft]
        case .draftStatus(let op): [op.draft]
        case .draftVersion(let op): [op.draft]
        case .amendPropose(let op): [op.draft]
        case .amendPosition(let op): [op.amendment]
        case .amendDecide(let op): [op.amendment]
        case .threadCreate(let op): [op.topic] + (op.draft.map { [$0] } ?? [])
        case .postCreate(let op): [op.parent]
        case .postEdit(let op): [op.post]
        case .postRetract(let op): [op.post]
        case .meeting(let op): op.references
        case .attachment(let op): op.references
        case .recommendation(let op): op.references
        case .practice(let op): op.references
        case .groupCreate, .topicCreate, .memberProfile, .memberRole, .memberInvite, .memberRevoke, .pollCreate, .unknown: []
        }
    }

    /// The feed positions the op itself names (a frontier, a draft's heads, the change a grant
    /// starts after, the last change a revocation keeps): its change depends on each of them.
    public var namedPositions: [FeedID: Int64] {
        switch self {
        case .memberRole(let op): return op.fromSeq > 1 ? [op.feed: op.fromSeq - 1] : [:]
        case .memberRevoke(let op): return op.lastSeq > 0 ? [op.feed: op.lastSeq] : [:]
        case .moderation(let op):
            guard case .lock(_, let frontier) = op.action else { return [:] }
            return frontier.filter { $0.value > 0 }
        case .pollClose(let op): return CloseFrontier.dependencies(op.frontier)
        case .memberUninvite(let op): return op.seen.filter { $0.value > 0 }
        case .draftPenholders(let op):
            // A removal keeps the penholder's changes through `last`; an addition counts from `from`.
            var positions = Dictionary(op.removals.filter { $0.lastSeq > 0 }.map { ($0.feed, $0.lastSeq) }, uniquingKeysWith: max)
            for addition in op.additions where addition.fromSeq > 1 { positions[addition.feed] = max(positions[addition.feed] ?? 0, addition.fromSeq - 1) }
            return positions
        case .draftEdit(let op): return op.base
        case .draftVersion(let op): return op.heads
        case .meeting(let op): return op.namedPositions
        case .recommendation(let op): return op.namedPositions
        default: return [:]
        }
    }

    /// Feeds the op names by key whose latest change here it should follow: a nominee's, so a
    /// nomination arrives after their acceptance of the role; a ballot's candidates, so it
    /// arrives after their acceptances.
    public var namedFeeds: [FeedID] {
        switch self {
        case .pollNominate(let op): [op.nominee]
        case .pollVote(let op): op.candidates
        case .memberAdmit(let op): [op.feed]
        default: []
        }
    }

    /// The draft whose text the op was made from (anchors into it, or judges it as it stands):
    /// its change depends on that draft's heads, so the anchors exist wherever it arrives.
    public var readsDraft: EntityID? {
        switch self {
        case .amendPropose(let op): op.draft
        case .draftPenholders(let op): op.draft
        case .threadCreate(let op): op.anchor == nil ? nil : op.draft
        default: nil
        }
    }
}

extension Moderation.Action {
    var references: [EntityID] {
        switch self {
        case .hide(let post, _), .unhide(let post), .mark(let post, _): [post]
        case .lock(let thread, _), .unlock(let thread), .pin(let thread, _), .rename(let thread, _): [thread]
        case .move(let thread, let topic): [thread, topic]
        }
    }
}
