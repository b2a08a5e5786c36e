/// Who may record a recommendation, and what it must point to. Only the co-chairs and the
/// secretariat record one or its follow-up. The adopting decision must exist and be decided
/// inside what the recording change depends on, so that every replica judges it alike: a poll
/// and the close of it the op names (the change depends on it), or an item's outcome of
/// "adopted" or "endorsed".
/// Whether a closed poll carried is read from its tally (see the store's recommendation view).
public enum RecommendationRules {
    static func mutations(
        _ op: RecommendationOp, index: Int, change: SignedChange, roles: Set<Role>, reader: some StateReader,
        reject: (RejectionReason) -> [Mutation]
    ) throws -> [Mutation] {
        guard roles.contains(where: \.moderates) else { return reject(.notAuthorised) }
        guard isValid(op) else { return reject(.invalidContent) }
        let id = change.entity(index)
        switch op {
        case .new(let recommendation):
            if let problem = try problem(with: recommendation.decision, change: change.body, reader: reader) { return reject(problem) }
            return [.recommendation(.record(id: id, recommendation: recommendation, stamp: change.stamp)),
                    .audit(index: index, action: op.type, target: id.hex, detail: recommendation.body.rawValue)]
        case .followUp(let followUp):
            guard try reader.recommendationExists(followUp.recommendation) else { return reject(.unknownRecommendation) }
            return [.recommendation(.followUp(id: id, followUp: followUp, stamp: change.stamp)),
                    .audit(index: index, action: op.type, target: followUp.recommendation.hex, detail: nil)]
        }
    }

    /// Why `decision` cannot have adopted a recommendation signed in `body`; nil when it can.
    static func problem(with decision: AdoptingDecision, change body: ChangeBody, reader: some StateReader) throws -> RejectionReason? {
        switch decision {
        case .poll(let poll, let close):
            guard try reader.poll(poll) != nil else { return .unknownPoll }
            guard isCovered(close, by: body), try reader.pollCloses(poll).contains(close) else { return .decisionNotTaken }
            return nil
        case .outcome(let outcome):
            guard let kind = try reader.meetingOutcomeKind(outcome) else { return .unknownOutcome }
            return kind == .adopted || kind == .endorsed ? nil : .decisionNotTaken
        }
    }

    /// Whether the change signed in `body` depends on the change at `position`.
    static func isCovered(_ position: FeedPosition, by body: ChangeBody) -> Bool {
        position.feed == body.author ? position.seq < body.seq : position.seq <= (body.deps[position.feed] ?? 0)
    }

    public static func isValid(_ op: RecommendationOp) -> Bool {
        switch op {
        case .new(let recommendation): ContentCheck.isBody(recommendation.text)
        case .followUp(let followUp): ContentCheck.isBody(followUp.text)
        }
    }
}

/// A change's place: its feed and seq.
public struct FeedPosition: Sendable, Hashable {
    public var feed: FeedID
    public var seq: Int64

    public init(feed: FeedID, seq: Int64) {
        self.feed = feed
        self.seq = seq
    }
}
