/// What the rules need to know of the current state to decide an op. The store answers from its
/// tables, inside the transaction that applies the change, so earlier ops are visible.
public protocol StateReader: PracticeReader {
    func roles(of feed: FeedID, atSeq seq: Int64) throws -> Set<Role>
    func topicExists(_ id: EntityID) throws -> Bool
    func post(_ id: EntityID) throws -> PostFacts?
    func profileStamp(of feed: FeedID) throws -> ChangeStamp?
    func invite(_ id: EntityID) throws -> InviteFacts?
    func threadExists(_ id: EntityID) throws -> Bool
    /// The frontier of the lock on a thread, nil when it is not locked.
    func lockFrontier(of thread: EntityID) throws -> [FeedID: Int64]?
    func poll(_ id: EntityID) throws -> PollCreate?
    func nomination(_ id: EntityID) throws -> NominationFacts?
    /// A draft's topic, when it exists.
    func draft(_ id: EntityID) throws -> EntityID?
    /// Whether `feed` holds the pen of `draft` at its own seq `seq` (see `Tenure`).
    func isPenholder(_ feed: FeedID, of draft: EntityID, atSeq seq: Int64) throws -> Bool
    /// The draft an amendment belongs to.
    func amendmentDraft(_ id: EntityID) throws -> EntityID?
    /// The number of a group epoch, when its `group.key` counts here.
    func epochNumber(_ id: EntityID) throws -> Int64?
    func meeting(_ id: EntityID) throws -> MeetingFacts?
    /// The meeting an agenda item belongs to.
    func meetingItem(_ id: EntityID) throws -> EntityID?
    /// The item a concern was raised on.
    func meetingConcern(_ id: EntityID) throws -> EntityID?
    /// Who attached an attachment, and to what, when it is known here.
    func attachment(_ id: EntityID) throws -> AttachmentFacts?
    /// The kind of an agenda item's outcome.
    func meetingOutcomeKind(_ id: EntityID) throws -> OutcomeKind?
    /// Where each close of a poll was signed.
    func pollCloses(_ poll: EntityID) throws -> [FeedPosition]
    func recommendationExists(_ id: EntityID) throws -> Bool
}

/// What an acceptance is checked against: the election, and who was nominated.
public struct NominationFacts: Sendable, Hashable {
    public var poll: EntityID
    public var nominee: FeedID

    public init(poll: EntityID, nominee: FeedID) {
        self.poll = poll
        self.nominee = nominee
    }
}

/// What a join is checked against: the invite key, and the role it grants.
public struct InviteFacts: Sendable, Hashable {
    public var key: FeedID
    /// Every role the invite seats, its main one first (see `MemberInvite.roles`).
    public var roles: [Role]

    public init(key: FeedID, roles: [Role]) {
        self.key = key
        self.roles = roles
    }
}

/// The facts about a post that decide whether a reply, edit or retraction of it counts.
public struct PostFacts: Sendable, Hashable {
    public var thread: EntityID
    public var author: FeedID
    public var bodyStamp: ChangeStamp
    public var retracted: Bool

    public init(thread: EntityID, author: FeedID, bodyStamp: ChangeStamp, retracted: Bool = false) {
        self.thread = thread
        self.author = author
        self.bodyStamp = bodyStamp
        self.retracted = retracted
    }
}
