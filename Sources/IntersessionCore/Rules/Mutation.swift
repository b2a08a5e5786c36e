/// One change to the materialised state, decided by `Rules` and carried out by the store.
/// Each is idempotent given its key and commutes with the others, so delivery order never shows.
public enum Mutation: Sendable, Hashable {
    case createGroup(id: GroupID, title: LocalizedText, founder: FeedID, stamp: ChangeStamp)
    case grantRole(feed: FeedID, role: Role, fromSeq: Int64, until: Int64? = nil, stamp: ChangeStamp)
    /// Replace the profile of `feed` (the rules checked that `stamp` is newer).
    case setProfile(feed: FeedID, profile: MemberProfile, stamp: ChangeStamp)
    case createInvite(id: EntityID, invite: MemberInvite, stamp: ChangeStamp)
    /// The change's author redeemed an invite. The store keeps every redemption and seats by
    /// `InviteSeating` (one redeemer, or the one the secretariat admits).
    case redeemInvite(invite: EntityID, roles: [Role], fromSeq: Int64, stamp: ChangeStamp)
    /// The secretariat admits `feed` to a contested invite; the latest admission by stamp counts.
    case admitInvite(invite: EntityID, feed: FeedID, stamp: ChangeStamp)
    /// The secretariat cancels an invite; only redemptions inside `seen` still count.
    case cancelInvite(invite: EntityID, seen: [FeedID: Int64], stamp: ChangeStamp)
    /// End `feed`'s role (every role, for a removal: `role` nil) after its seq `lastSeq`.
    case revokeRole(feed: FeedID, role: Role?, lastSeq: Int64, stamp: ChangeStamp)
    /// Set a last-writer-wins register of a post or thread: the store keeps the value with the
    /// greatest stamp. `value` nil clears it (unhide, unlock, unpin, unmark).
    case setRegister(entity: EntityID, register: Register, value: String?, stamp: ChangeStamp)
    /// A moderation or membership act, for the audit log.
    case audit(index: Int, action: String, target: String, detail: String?)
    case createPoll(id: EntityID, poll: PollCreate, stamp: ChangeStamp)
    /// A voter's ballot, as the JSON of its choice; their latest ballot inside the close counts.
    case castBallot(poll: EntityID, choice: String, stamp: ChangeStamp)
    /// A close, with the (seq, hash) of each feed its author had applied.
    case closePoll(poll: EntityID, frontier: [FeedID: FeedHead], stamp: ChangeStamp)
    /// A candidate for an election's seat; a self-nomination is `accepted` at once.
    case nominate(id: EntityID, poll: EntityID, nominee: FeedID, accepted: Bool, stamp: ChangeStamp)
    /// The nominee accepted; the earliest acceptance of their feed counts.
    case acceptNomination(id: EntityID, stamp: ChangeStamp)
    case createDraft(id: EntityID, draft: DraftCreate, stamp: ChangeStamp)
    /// A thread that comments on a draft's paragraph (recorded before the thread is created).
    case anchorThread(EntityID, draft: EntityID, anchor: TextAnchor?)
    /// Merge the runs into the draft's text; refused when they name characters it lacks.
    case editDraft(DraftEdit, stamp: ChangeStamp, opIndex: Int)
    /// Penholders added from a seq and removed after a seq; an edit counts only inside a span.
    case changePenholders(DraftPenholders, stamp: ChangeStamp)
    case addVersion(DraftVersion, stamp: ChangeStamp)
    case proposeAmendment(id: EntityID, amendment: AmendPropose, stamp: ChangeStamp)
    /// A member's support or opposition; their latest counts.
    case amendmentPosition(amendment: EntityID, supports: Bool, reason: String?, stamp: ChangeStamp)
    case createTopic(id: EntityID, key: String, title: LocalizedText, order: Int64, stamp: ChangeStamp)
    case createThread(id: EntityID, topic: EntityID, title: String, stamp: ChangeStamp)
    case createPost(NewPost)
    /// Record a version of a post's text; `isCurrent` when it is the latest by stamp.
    case addPostVersion(post: EntityID, body: String, stamp: ChangeStamp, isCurrent: Bool)
    case retractPost(post: EntityID, stamp: ChangeStamp)
    /// The op is kept as evidence but not applied.
    case rejectOp(index: Int, reason: RejectionReason)
    /// The group seals what it puts in shared folders (its `group.create` says so).
    case sealGroup
    /// `feed`'s agreement key, signed by the feed itself (or, for an invite key, by the secretariat).
    case publishAgreementKey(feed: FeedID, key: [UInt8])
    case startEpoch(id: EntityID, key: GroupKey, author: FeedID, seq: Int64)
    case meeting(MeetingMutation)
    case attachment(AttachmentMutation)
    case recommendation(RecommendationMutation)
    case practice(PracticeMutation)
}

/// The registers moderation sets.
public enum Register: String, Sendable, Hashable, CaseIterable {
    case hidden = "post.hidden"
    case mark = "post.mark"
    case lock = "thread.lock"
    case pinned = "thread.pinned"
    case topic = "thread.topic"
    case title = "thread.title"
    case outcome = "poll.outcome"
    case draftStatus = "draft.status"
    case amendmentDecision = "amend.decision"
    /// The feed the secretariat admits to a contested invite (hex).
    case admission = "invite.admitted"
}

public struct NewPost: Sendable, Hashable {
    public var id: EntityID
    public var thread: EntityID
    public var parent: EntityID?
    public var body: String
    public var language: Language
    public var quote: String?
    public var stamp: ChangeStamp
    public var opIndex: Int
}

/// Why an op was not applied: shown in the audit view, and part of the state every replica agrees on.
public enum RejectionReason: String, Sendable, Hashable, CaseIterable {
    case notAuthorised = "not-authorised"
    case notAuthor = "not-author"
    case unknownTopic = "unknown-topic"
    case unknownThread = "unknown-thread"
    case unknownPost = "unknown-post"
    case retracted = "retracted"
    case wrongThread = "parent-in-other-thread"
    case genesisOnly = "genesis-only"
    case invalidContent = "invalid-content"
    case unsupportedOp = "unsupported-op"
    case unknownInvite = "unknown-invite"
    case badInviteProof = "bad-invite-proof"
    case badEpoch = "bad-epoch"
    case threadLocked = "thread-locked"
    case notEligible = "not-in-electorate"
    case invalidBallot = "invalid-ballot"
    case unknownPoll = "unknown-poll"
    case notAnElection = "not-an-election"
    case notEligibleCandidate = "not-eligible-candidate"
    case unknownNomination = "unknown-nomination"
    case unknownDraft = "unknown-draft"
    case notPenholder = "not-penholder"
    case unknownAmendment = "unknown-amendment"
    case textConflict = "text-out-of-step"
    /// A close whose frontier names changes its own change does not depend on.
    case frontierOutsideDeps = "frontier-outside-deps"
    case unknownMeeting = "unknown-meeting"
    case unknownItem = "unknown-agenda-item"
    case unknownConcern = "unknown-concern"
    /// Only the secretariat and the co-chairs presiding run a meeting.
    case notPresiding = "not-presiding"
    /// An attachment's target kind this version does not know.
    case unknownTarget = "unknown-attachment-target"
    case unknownAttachment = "unknown-attachment"
    case unknownOutcome = "unknown-outcome"
    /// A recommendation's decision that is not taken: a poll close it does not depend on, an
    /// outcome that adopts nothing.
    case decisionNotTaken = "decision-not-taken"
    case unknownRecommendation = "unknown-recommendation"
    case unknownPractice = "unknown-practice"
    case unknownEdition = "unknown-edition"
    /// Only a practice's submitter updates, submits or withdraws it.
    case notSubmitter = "not-submitter"
    /// The step does not follow from the state of the step it names.
    case notAllowedInState = "step-not-allowed"
}
