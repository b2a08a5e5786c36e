import IntersessionCore
import IntersessionStore
import IntersessionSync

/// Everything that can happen, in one stream: input, time, and the results of effects.
public enum Message: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    case tick(now: Int64)
    /// Another process wrote to the store: what is shown may be out of date.
    case storeChanged
    case topicsLoaded([TopicSummary])
    case threadsLoaded(topic: String, [ThreadSummary])
    case threadLoaded(ThreadDetail)
    /// The attachments of what was just loaded, by the id of what they are on.
    case attachmentsLoaded([String: [AttachmentEntry]])
    case searchLoaded(query: String, [SearchHit])
    case nextUnread(thread: String, post: String)
    case noMoreUnread
    case sent(ComposeState.Kind)
    case syncStarted
    case syncFinished(SyncReport)
    case statusLoaded(SyncStatus)
    case editorReturned(String?)
    case profileReady(me: String, groupTitles: LocalizedText)
    case rolesLoaded(Set<String>)
    case membersLoaded([MemberSummary])
    case auditLoaded([AuditEntry])
    case moderated
    case pollsLoaded([PollSummary])
    case pollLoaded(PollDetail)
    case voted
    case draftsLoaded([DraftSummary])
    case draftLoaded(DraftDetail)
    case draftDiffLoaded(id: String, since: String?, [DraftDiff.Change])
    case amendmentsLoaded(draft: String, [AmendmentView])
    case draftEditBegan(id: String, start: DraftStart)
    /// An act was signed: say so, and reload what is shown.
    case recorded(TextKey)
    case deadlinesPassed([String])
    case termsEnded([EndedTerm])
    /// Names of those elected co-chair who have not yet been granted the role.
    case cochairGrantsDue([String])
    /// Invites redeemed by more than one feed, each as its redeemers' names: the secretariat admits one.
    case invitesContested([String])
    /// This profile's own feed forked: nothing it signs counts until it is re-admitted.
    case ownFeedFrozen(from: Int64)
    /// Members whose feeds forked and who wait for a re-admission (secretariat).
    case feedsForked([String])
    /// The invite file's path, and the shared folder it was written into, if it was (a warning).
    case inviteWritten(String, sharedFolder: String?)
    /// An act or a read failed: the phrase is shown in the interface's language.
    case failed(Phrase)
    case meeting(MeetingMessage)
    case library(LibraryMessage)
    case attachment(AttachmentMessage)
    case report(ReportMessage)
}

/// What the status bar shows of the profile's sync.
public struct SyncStatus: Sendable, Equatable {
    public var lastSync: Int64?
    public var folders: Int
    /// Own changes not yet written to every folder.
    public var outgoing: Int
    public var pending: Int
    public var rejected: Int

    public init(lastSync: Int64? = nil, folders: Int = 0, outgoing: Int = 0, pending: Int = 0, rejected: Int = 0) {
        self.lastSync = lastSync
        self.folders = folders
        self.outgoing = outgoing
        self.pending = pending
        self.rejected = rejected
    }
}

/// A role whose term has ended while its holder still has it.
public struct EndedTerm: Sendable, Equatable {
    public var name: String
    public var role: String
}
