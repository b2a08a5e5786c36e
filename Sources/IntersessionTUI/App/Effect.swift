import IntersessionActions
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
    /// Grants a role; `days` ends a term.
    case grantRole(feed: String, role: Role, days: Int? = nil)
    /// Grants an elected candidate the co-chair role for one term.
    case grantCochairTerm(feed: String)
    case revokeRole(feed: String, role: Role?)
    /// Seat one redeemer of a contested invite (secretariat).
    case admit(feed: String, invite: String)
    case invite(name: String, organisation: String, role: Role, file: String)
    case loadPolls
    case loadPoll(id: String)
    case vote(poll: String, Ballot)
    case closePoll(id: String)
    /// Nominates a member (by feed) for an election's seat.
    case nominate(poll: String, nominee: String)
    /// Accepts this profile's nomination for the poll.
    case acceptNomination(poll: String)
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
    case meeting(MeetingEffect)
    case library(LibraryEffect)
    case attachment(AttachmentEffect)
    case report(ReportEffect)
    case quit
}
