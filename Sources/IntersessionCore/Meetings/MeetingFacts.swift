/// What the rules check a meeting's ops against.
public struct MeetingFacts: Sendable, Hashable {
    public var presiding: [FeedID]
    public var topic: EntityID

    public init(presiding: [FeedID], topic: EntityID) {
        self.presiding = presiding
        self.topic = topic
    }
}

/// One change to the state of meetings, carried out by the store.
public enum MeetingMutation: Sendable, Hashable {
    case createMeeting(id: EntityID, meeting: MeetingNew, stamp: ChangeStamp)
    case openPhase(MeetingPhase, stamp: ChangeStamp)
    /// A close, with the (seq, hash) of each feed its author had applied.
    case closePhase(MeetingPhase, frontier: [FeedID: FeedHead], stamp: ChangeStamp)
    /// A statement of an item: its first (`isNew`) or a later one; the latest by stamp stands.
    case stateItem(id: EntityID, item: MeetingItem, isNew: Bool, stamp: ChangeStamp)
    case register(MeetingRegister, stamp: ChangeStamp)
    case raiseConcern(id: EntityID, concern: MeetingConcern, stamp: ChangeStamp)
    case answerConcern(MeetingAnswer, stamp: ChangeStamp)
    case setOutcome(id: EntityID, outcome: MeetingOutcome, stamp: ChangeStamp)
    /// A delegation's category; the latest by stamp stands.
    case categorise(DelegationCategory, stamp: ChangeStamp)
}
