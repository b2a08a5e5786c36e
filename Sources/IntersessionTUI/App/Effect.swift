import IntersessionCore
import IntersessionStore

/// Work that `update` asks for and the runtime performs, sending the result back as a message.
public enum Effect: Sendable, Equatable {
    case loadTopics
    case loadThreads(topic: String)
    case loadThread(id: String)
    case loadStatus
    case markRead([String])
    case markUnread([String])
    case markThreadRead(String)
    case search(String)
    case findNextUnread(after: String?)
    case send(ComposeState.Kind, title: String, body: String)
    case retract(post: String)
    case sync
    case openEditor(String)
    case createProfile(name: String, organisation: String)
    case joinProfile(invite: String, name: String)
    case openDemo
    case setLanguage(Language)
    case loadMembers
    case loadAudit
    case moderate(Moderation.Action)
    case grantRole(feed: String, role: Role, until: Int64? = nil)
    case revokeRole(feed: String, role: Role?)
    case invite(name: String, organisation: String, role: Role, file: String)
    case loadPolls
    case loadPoll(id: String)
    case vote(PollVote)
    case closePoll(id: String)
    case nominate(PollNominate)
    case acceptNomination(poll: String, nomination: EntityID)
    case loadDrafts
    case loadDraft(id: String)
    case loadDraftDiff(id: String)
    case loadAmendments(draft: String)
    case nameVersion(draft: String, name: String)
    case setDraftStatus(draft: String, status: DraftStatus)
    /// Takes the draft as it is now, to diff the edit against when it is saved.
    case beginDraftEdit(id: String)
    case amendmentPosition(EntityID, supports: Bool)
    case decideAmendment(EntityID, accept: Bool, reason: String?)
    case quit
}
