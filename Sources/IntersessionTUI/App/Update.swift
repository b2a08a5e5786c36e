import IntersessionCore
import IntersessionStore
import IntersessionSync

/// The only place the model changes: a message in, the effects to perform out. Pure.
public enum Update {
    /// A background sync runs this often when folders are configured.
    static let syncInterval: Int64 = 60_000

    public static func update(_ model: inout Model, _ message: Message) -> [Effect] {
        switch message {
        case .key(let key):
            // The confirmation's own `y` lets its effects through; any other key is asked about.
            let confirming = model.confirmation != nil
            let effects = handleKey(key, &model)
            return confirming ? effects : holdingIrreversible(effects, &model)
        case .mouse(let event): return holdingIrreversible(handleMouse(event, &model), &model)
        case .resize(let width, let height):
            model.width = max(1, width)
            model.height = max(1, height)
            return []
        case .tick(let now):
            model.now = now
            let due = model.status.folders > 0 && !model.syncing
                && now - (model.status.lastSync ?? 0) >= syncInterval
            return due ? [.sync] : []
        case .storeChanged:
            return reloadCurrent(model) + [.loadStatus]
        case .threadLoaded(let detail):
            return threadLoaded(detail, &model)
        case .nextUnread(let thread, let post):
            return openThread(thread, at: post, &model)
        case .statusLoaded(let status):
            model.status = status
            return []
        case .editorReturned(let text):
            if let text, case .compose(var compose) = model.screen {
                compose.body.setText(text)
                compose.field = .body
                model.screen = .compose(compose)
            }
            return []
        case .profileReady(let me, let groupTitles):
            model.me = me
            model.groupTitles = groupTitles
            model.screens = [.topics(ListState())]
            return [.loadTopics, .loadStatus]
        case .rolesLoaded(let roles):
            model.roles = roles
            return []
        case .termsEnded, .cochairGrantsDue, .invitesContested, .feedsForked, .ownFeedFrozen, .inviteWritten:
            return prompt(message, &model)
        case .draftsLoaded, .draftLoaded, .draftDiffLoaded, .amendmentsLoaded, .draftEditBegan:
            return draftMessage(message, &model)
        case .meeting(let message):
            return meetingMessage(message, &model)
        case .library(let message):
            return libraryMessage(message, &model)
        case .attachment(let message):
            return attachmentMessage(message, &model)
        case .report(let message):
            return reportMessage(message, &model)
        case .topicsLoaded, .threadsLoaded, .attachmentsLoaded, .searchLoaded, .membersLoaded, .auditLoaded, .pollsLoaded, .pollLoaded:
            takeLoaded(message, &model)
            return []
        case .noMoreUnread, .sent, .syncStarted, .syncFinished, .voted, .recorded, .moderated, .failed, .deadlinesPassed:
            return outcomeMessage(message, &model)
        }
    }

    /// The loads that refresh what the current screen shows.
    static func reloadCurrent(_ model: Model) -> [Effect] {
        switch model.screen {
        case .topics: [.loadTopics]
        case .threads(let topic, _): [.loadThreads(topic: topic.id)]
        case .thread(let thread): [.loadThread(id: thread.id)]
        case .search(let search): search.searched.map { [.search($0)] } ?? []
        case .members: [.loadMembers]
        case .polls: [.loadPolls]
        case .poll(let poll): [.loadPoll(id: poll.id)]
        case .audit: [.loadAudit]
        case .drafts: [.loadDrafts]
        case .draft(let draft): [.loadDraft(id: draft.id)]
        case .draftDiff(let diff): [.loadDraftDiff(id: diff.id)]
        case .amendments(let state): [.loadAmendments(draft: state.draft)]
        case .meetings(let screen): reloadMeeting(screen)
        case .library(let screen): reloadLibrary(screen)
        case .attachments(let state): [.attachment(.load(target: state.target))]
        case .report(let state): reloadReport(state)
        case .compose, .welcome: []
        }
    }

    static func openThread(_ id: String, at post: String?, _ model: inout Model) -> [Effect] {
        if case .thread(var thread) = model.screen, thread.id == id {
            if let post, let index = thread.list.items.firstIndex(where: { $0.id == post }) {
                return select(index, in: &thread, &model)
            }
            return []
        }
        model.screens.append(.thread(ThreadState(id: id, focusPost: post)))
        return [.loadThread(id: id)]
    }
}

extension Model {
    /// Applies `change` to every screen of the stack (a load may answer a screen below the top).
    mutating func updateScreens(_ change: (inout Screen) -> Void) {
        for index in screens.indices { change(&screens[index]) }
    }
}
