import Foundation
import IntersessionCore

/// What one call to apply did, for the summary line a person reads.
public struct ApplyReport: Sendable, Equatable {
    public var applied = 0
    public var duplicates = 0
    /// Changes waiting for a dependency when the call ended.
    public var pending = 0
    public var wrongGroup = 0
    public var refused: [RefusedChange] = []
    public var rejectedOps: [RejectedOp] = []
    /// Feeds found forked in this call, with the seq they froze at.
    public var forks: [RefusedChange] = []
    /// Changes read as fork evidence with no change logged at their seq to compare with (see
    /// ``AppDatabase/considerForkEvidence(_:)``): to be considered again once it is.
    public var uncompared = 0
    /// The state was recomputed from the log (a role granted after its holder's changes arrived).
    public var rebuilt = false

    public init() {}
}

/// A change kept as evidence and never applied.
public struct RefusedChange: Sendable, Equatable {
    public var feed: FeedID
    public var seq: Int64
    public var reason: String
}

/// An op of an applied change that did not count.
public struct RejectedOp: Sendable, Equatable {
    public var feed: FeedID
    public var seq: Int64
    public var index: Int
    public var reason: RejectionReason
}
