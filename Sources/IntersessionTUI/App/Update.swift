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
        case .topicsLoaded(let topics):
            model.updateScreens { screen in
                if case .topics(var list) = screen {
                    list.replace(topics, keeping: \.id)
                    screen = .topics(list)
                }
            }
            return []
        case .threadsLoaded(let topic, let threads):
            model.updateScreens { screen in
                if case .threads(let current, var list) = screen, current.id == topic {
                    list.replace(threads, keeping: \.id)
                    screen = .threads(topic: current, list: list)
                }
            }
            return []
        case .threadLoaded(let detail):
            return threadLoaded(detail, &model)
        case .attachmentsLoaded(let attachments):
            model.attachments.merge(attachments) { $1 }
            return []
        case .searchLoaded(let query, let hits):
            if case .search(var search) = model.screen {
                search.results = ListState(items: hits)
                search.results.loaded = true
                search.searched = query
                model.screen = .search(search)
            }
            return []
        case .nextUnread(let thread, let post):
            return openThread(thread, at: post, &model)
        case .noMoreUnread:
            model.flash = model.catalog[.noMoreUnread]
            return []
        case .sent:
            if case .compose = model.screen { model.screens.removeLast() }
            model.flash = model.catalog[.sent]
            return reloadCurrent(model) + [.loadStatus]
        case .syncStarted:
            model.syncing = true
            return []
        case .syncFinished(let report):
            model.syncing = false
            model.status.lastSync = model.now
            model.flash = model.catalog[.syncDone, report.importedChanges, report.exportedChanges]
            return reloadCurrent(model) + [.loadStatus]
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
        case .membersLoaded(let members):
            model.updateScreens { screen in
                if case .members(var list) = screen { list.replace(members, keeping: \.feed); screen = .members(list) }
            }
            return []
        case .auditLoaded(let entries):
            model.updateScreens { screen in
                if case .audit(var list) = screen {
                    list.items = entries
                    list.loaded = true
                    list.selected = min(list.selected, max(0, entries.count - 1))
                    screen = .audit(list)
                }
            }
            return []
        case .termsEnded, .cochairGrantsDue, .invitesContested, .feedsForked, .ownFeedFrozen, .inviteWritten:
            return prompt(message, &model)
        case .pollsLoaded(let polls):
            model.updateScreens { screen in
                if case .polls(var list) = screen { list.replace(polls, keeping: \.id); screen = .polls(list) }
            }
            return []
        case .pollLoaded(let detail):
            model.updateScreens { screen in
                if case .poll(var poll) = screen, poll.id == detail.summary.id { poll.detail = detail; screen = .poll(poll) }
            }
            return []
        case .deadlinesPassed(let titles):
            if model.flash == nil, let first = titles.first { model.flash = model.catalog[.pollDeadlinePrompt, first] }
            return []
        case .voted:
            model.flash = model.catalog[.pollThanks]
            return reloadCurrent(model)
        case .draftsLoaded, .draftLoaded, .draftDiffLoaded, .amendmentsLoaded, .draftEditBegan:
            return draftMessage(message, &model)
        case .recorded(let text):
            model.flash = model.catalog[text]
            return reloadCurrent(model)
        case .moderated:
            model.flash = model.catalog[.moderationDone]
            return reloadCurrent(model)
        case .failed(let why):
            model.flash = model.catalog[.errorPrefix, model.catalog.text(why)]
            return []
        case .meeting(let message):
            return meetingMessage(message, &model)
        case .library(let message):
            return libraryMessage(message, &model)
        case .attachment(let message):
            return attachmentMessage(message, &model)
        case .report(let message):
            return reportMessage(message, &model)
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
