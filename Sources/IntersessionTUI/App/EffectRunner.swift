import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionResources
import IntersessionStore
import IntersessionSync

/// Performs the effects `update` asks for, against the open profile, and answers with messages.
/// The runtime calls it from its `EffectWorker`'s thread only (the editor and quitting, which
/// need the terminal, from the loop's), so its state is never touched from two threads at once;
/// a sync runs further in the background and posts its result to the mailbox.
final class EffectRunner: @unchecked Sendable {
    var session: Session? {
        didSet { storeWatch.set(session.flatMap { StoreWatch(store: $0.store) }) }
    }
    /// Watches the open profile's store for other processes' writes; read by the loop's tick.
    let storeWatch = Locked<StoreWatch?>(nil)
    let environment: [String: String]
    let mailbox = Mailbox()
    /// Where a profile is made from the welcome screen, and where the demo goes.
    let home: ProfileHome
    let demoFolder: URL
    var suspendTerminal: () -> Void = {}
    var resumeTerminal: () -> Void = {}
    var clock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
    /// Syncs under way in the background, which `settle` waits for as well.
    let syncsRunning = Counter()

    init(session: Session?, home: ProfileHome, demoFolder: URL, environment: [String: String]) {
        self.session = session
        storeWatch.set(session.flatMap { StoreWatch(store: $0.store) })
        self.home = home
        self.demoFolder = demoFolder
        self.environment = environment
    }

    func perform(_ effect: Effect) -> [Message] {
        do {
            return try run(effect)
        } catch {
            return [.failed(Phrasebook.phrase(for: error))]
        }
    }

    private func run(_ effect: Effect) throws -> [Message] {
        switch effect {
        case .createProfile, .joinProfile, .openDemo, .quit, .setLanguage:
            return try runProfileEffect(effect)
        default:
            break
        }
        guard let session else { return [] }
        let store = session.store
        switch effect {
        case .loadTopics: return [.topicsLoaded(try store.topics())]
        case .loadThreads(let topic): return [.threadsLoaded(topic: topic, try store.threads(topic: topic))]
        case .loadThread(let id):
            let detail = try store.thread(id).redacted(forModerator: try store.canModerate(session.key.feed))
            return [.threadLoaded(detail)] + (try attachmentsMessage(on: detail.posts.map(\.id), session))
        case .loadStatus: return try statusMessages(session)
        case .grantRole(let feed, let role, let days):
            try session.actions(clock: clock).grant(role, to: feed, days: days)
            return [.moderated]
        case .grantCochairTerm(let feed):
            try session.actions(clock: clock).grantCochairTerm(to: feed)
            return [.moderated]
        case .admit(let feed, let invite):
            try session.actions(clock: clock).admit(feed, to: invite)
            return [.moderated]
        case .revokeRole(let feed, let role):
            try session.actions(clock: clock).revoke(role, from: feed)
            return [.moderated]
        case .invite(let name, let organisation, let role, let file):
            let actions = try session.actions(clock: clock)
            _ = try actions.invite(name: name, organisation: organisation, role: role, to: file)
            return [.inviteWritten(file, sharedFolder: InviteLocation.sharedFolder(holding: file, remembered: actions.folders))]
        case .loadMembers: return [.membersLoaded(try store.members())]
        case .loadAudit: return [.auditLoaded(try store.auditLog().reversed())]
        case .moderate(let action):
            try session.actions(clock: clock).moderate(action)
            return [.moderated]
        case .loadPolls: return [.pollsLoaded(try store.polls())]
        case .loadPoll(let id): return [.pollLoaded(try store.poll(id, voter: session.key.feed.hex))]
        case .vote(let poll, let ballot):
            try session.actions(clock: clock).vote(on: poll, ballot)
            return [.voted]
        case .nominate(let poll, let nominee):
            try session.actions(clock: clock).nominate(for: poll, nominee: nominee)
            return [.recorded(.pollNominated)]
        case .acceptNomination(let poll):
            try session.actions(clock: clock).acceptNomination(for: poll)
            return [.recorded(.pollAccepted)]
        case .loadDrafts, .loadDraft, .loadDraftDiff, .loadAmendments, .amendmentPosition, .decideAmendment, .beginDraftEdit, .nameVersion,
             .setDraftStatus:
            return try runDraftEffect(effect, session)
        case .meeting(let effect): return try runMeetingEffect(effect, session)
        case .library(let effect): return try runLibraryEffect(effect, session)
        case .attachment(let effect): return try runAttachmentEffect(effect, session)
        case .report(let effect): return try runReportEffect(effect, session)
        case .closePoll(let id):
            try session.actions(clock: clock).close(poll: id)
            return [.moderated]
        case .markRead(let posts): try store.markRead(posts: posts); return []
        case .markUnread(let posts): try store.markUnread(posts: posts); return []
        case .markThreadRead(let thread): try store.markThreadRead(thread); return []
        case .search(let query): return [.searchLoaded(query: query, try store.search(query))]
        case .findNextUnread(let thread):
            guard let next = try store.firstUnread(outside: thread) else { return [.noMoreUnread] }
            return [.nextUnread(thread: next.thread, post: next.post)]
        case .send(let kind, let title, let body): return try send(kind, title: title, body: body, session)
        case .retract(let post):
            try session.actions(clock: clock).retract(post: post)
            return reloadAfterWrite(store, post: post) + [try status(session)]
        case .sync: return startSync(session)
        case .openEditor(let text):
            suspendTerminal()
            let edited = ExternalEditor.edit(text, environment: environment)
            resumeTerminal()
            return [.editorReturned(edited)]
        default: return []
        }
    }

    /// The sync status and this profile's roles, and the prompts its roles call for.
    private func statusMessages(_ session: Session) throws -> [Message] {
        let store = session.store
        let members = try store.members()
        let roles = members.first { $0.feed == session.key.feed.hex }?.roles ?? []
        var messages: [Message] = [try status(session), .rolesLoaded(Set(roles))]
        // A term (an expert's, a co-chair's) ends by the calendar; only the secretariat's client
        // asks for the revocation, and for the grant that follows an election.
        let ended = members.flatMap { member in
            member.terms.filter { $0.value < clock() }.keys.sorted().map { (member.name ?? String(member.feed.prefix(8)), $0) }
        }
        if roles.contains("secretariat"), !ended.isEmpty { messages.append(.termsEnded(ended.map { .init(name: $0.0, role: $0.1) })) }
        if roles.contains("secretariat") {
            let due = try store.electionsAwaitingGrant()
            if !due.isEmpty { messages.append(.cochairGrantsDue(due)) }
            let contested = try store.contestedInvites().map { $0.redeemers.map { $0.name ?? String($0.feed.prefix(8)) }.joined(separator: ", ") }
            if !contested.isEmpty { messages.append(.invitesContested(contested)) }
            let forked = try Self.forkedAwaitingReadmission(store, me: session.key.feed)
            if !forked.isEmpty { messages.append(.feedsForked(forked)) }
        }
        // A deadline only prompts those who close; the close decides.
        if roles.contains("secretariat") || roles.contains("cochair") {
            let due = try store.polls().filter { !$0.closed && $0.deadline < clock() }.map(\.title)
            if !due.isEmpty { messages.append(.deadlinesPassed(due)) }
        }
        // Last, so that it is the flash that stays: the person's own feed forked.
        if let frozen = try store.frozenFeeds().first(where: { $0.feed == session.key.feed }) {
            messages.append(.ownFeedFrozen(from: frozen.seq))
        }
        return messages
    }

    /// The names of members whose feeds forked and whom no re-admission replaces yet.
    static func forkedAwaitingReadmission(_ store: AppDatabase, me: FeedID) throws -> [String] {
        try store.frozenFeeds().filter { !$0.settled && $0.feed != me }.map { $0.name ?? $0.feed.short }
    }

    private func status(_ session: Session) throws -> Message {
        let state = try SyncState.read(store: session.store, feed: session.key.feed)
        return .statusLoaded(SyncStatus(lastSync: state.lastSync, folders: state.folders, outgoing: state.outgoing,
                                        pending: state.pending, rejected: state.rejected))
    }

    private func reloadAfterWrite(_ store: AppDatabase, post: String) -> [Message] {
        guard let thread = try? store.post(post).thread, let detail = try? store.thread(thread) else { return [] }
        return [.threadLoaded(detail)]
    }

    private func send(_ kind: ComposeState.Kind, title: String, body: String, _ session: Session) throws -> [Message] {
        let actions = try session.actions(clock: clock)
        switch kind {
        case .thread(let topic): try actions.post(in: topic.id, title: title, body: body)
        case .reply(let parent, let quote): try actions.reply(to: parent.id, body: body, quote: quote)
        case .edit(let post): try actions.edit(post: post.id, body: body)
        case .itemComment(let item, _): try actions.reply(to: item, body: body)
        case .practiceText(let practice, let field, _): try actions.updatePractice(practice, Self.request(field, body))
        case .draft, .comment, .amend: return try sendDraft(kind, title: title, body: body, actions)
        }
        return [.sent(kind)]
    }

    private func startSync(_ session: Session) -> [Message] {
        let folders = session.folders
        guard !folders.isEmpty else { return [.statusLoaded(SyncStatus())] }
        let mailbox = self.mailbox
        syncsRunning.increment()
        DispatchQueue.global().async { [syncsRunning] in
            defer { syncsRunning.decrement() }
            do {
                // The wall clock: a renewed epoch's invite expiries are read against it.
                let actions = try session.actions(clock: { Int64(Date().timeIntervalSince1970 * 1000) })
                mailbox.post(.syncFinished(try actions.syncRenewingEpoch()))
            } catch {
                mailbox.post(.failed(Phrasebook.phrase(for: error)))
            }
        }
        return [.syncStarted]
    }
}

/// Messages from background work, read by the interface's loop.
final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Message] = []

    func post(_ message: Message) {
        post(contentsOf: [message])
    }

    func post(contentsOf new: [Message]) {
        guard !new.isEmpty else { return }
        lock.lock()
        messages += new
        lock.unlock()
    }

    var isEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return messages.isEmpty
    }

    func drain() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let drained = messages
        messages = []
        return drained
    }
}

/// A value shared between threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func set(_ new: Value) { lock.lock(); value = new; lock.unlock() }
    func get() -> Value { lock.lock(); defer { lock.unlock() }; return value }
}

/// A count shared between threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.lock(); count += 1; lock.unlock() }
    func decrement() { lock.lock(); count -= 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
