import Foundation
import IntersessionCore
import IntersessionResources
import IntersessionStore
import IntersessionSync

/// Performs the effects `update` asks for, against the open profile, and answers with messages.
/// Everything runs on the interface's thread except a sync, which runs in the background and
/// posts its result to the mailbox.
final class EffectRunner {
    var session: Session?
    let environment: [String: String]
    let mailbox = Mailbox()
    /// Where a profile is made from the welcome screen, and where the demo goes.
    let home: ProfileHome
    let demoFolder: URL
    var suspendTerminal: () -> Void = {}
    var resumeTerminal: () -> Void = {}
    var clock: () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }

    init(session: Session?, home: ProfileHome, demoFolder: URL, environment: [String: String]) {
        self.session = session
        self.home = home
        self.demoFolder = demoFolder
        self.environment = environment
    }

    func perform(_ effect: Effect) -> [Message] {
        do {
            return try run(effect)
        } catch {
            return [.failed("\(error)")]
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
            return [.threadLoaded(try store.thread(id).redacted(forModerator: try store.canModerate(session.key.feed)))]
        case .loadStatus:
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
            }
            // A deadline only prompts those who close; the close decides.
            if roles.contains("secretariat") || roles.contains("cochair") {
                let due = try store.polls().filter { !$0.closed && $0.deadline < clock() }.map(\.title)
                if !due.isEmpty { messages.append(.deadlinesPassed(due)) }
            }
            return messages
        case .grantRole(let feed, let role, let until): return try membership(feed, session) { target in
            .memberRole(MemberRole(feed: target.feed, role: role, fromSeq: target.head + 1, until: until))
        }
        case .revokeRole(let feed, let role): return try membership(feed, session) { target in
            .memberRevoke(MemberRevoke(feed: target.feed, role: role, lastSeq: target.head, lastHash: target.hash))
        }
        case .invite(let name, let organisation, let role, let file): return try invite(name, organisation, role, file, session)
        case .loadMembers: return [.membersLoaded(try store.members())]
        case .loadAudit: return [.auditLoaded(try store.auditLog().reversed())]
        case .moderate(let action): return try moderate(action, session)
        case .loadPolls: return [.pollsLoaded(try store.polls())]
        case .loadPoll(let id): return [.pollLoaded(try store.poll(id))]
        case .vote(let vote):
            // An election's ballot depends on the candidates' acceptances, so it never arrives before them.
            let progress = try store.feedProgress()
            let dependsOn = Dictionary(uniqueKeysWithValues: vote.candidates.compactMap { feed in progress[feed].map { (feed, $0.head) } })
            _ = try store.author(ops: [.pollVote(vote)], references: [vote.poll], key: session.key, now: clock(),
                                 dependsOn: dependsOn.filter { $0.value > 0 })
            return [.voted]
        case .nominate(let nomination):
            let head = try store.feedProgress()[nomination.nominee]?.head ?? 0
            _ = try store.author(ops: [.pollNominate(nomination)], references: [nomination.poll], key: session.key, now: clock(),
                                 dependsOn: head > 0 ? [nomination.nominee: head] : [:])
            return [.recorded(.pollNominated)]
        case .acceptNomination(_, let nomination):
            _ = try store.author(ops: [.pollAccept(PollAccept(nomination: nomination))], references: [nomination], key: session.key, now: clock())
            return [.recorded(.pollAccepted)]
        case .loadDrafts, .loadDraft, .loadDraftDiff, .loadAmendments, .amendmentPosition, .decideAmendment, .beginDraftEdit, .nameVersion,
             .setDraftStatus:
            return try runDraftEffect(effect, session)
        case .closePoll(let id):
            guard let poll = EntityID(hex: id) else { return [] }
            let heads = try store.feedHeads()
            _ = try store.author(ops: [.pollClose(PollClose(poll: poll, frontier: heads))], references: [poll], key: session.key,
                                 now: clock(), dependsOn: CloseFrontier.dependencies(heads))
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
            guard let id = EntityID(hex: post) else { return [] }
            _ = try session.store.author(ops: [.postRetract(PostRetract(post: id))], references: [id], key: session.key, now: clock())
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

    private func moderate(_ action: Moderation.Action, _ session: Session) throws -> [Message] {
        var action = action
        var references: [EntityID] = []
        var frontier: [FeedID: Int64] = [:]
        switch action {
        case .hide(let post, _), .unhide(let post), .mark(let post, _): references = [post]
        case .lock(let thread, _):
            // The lock's frontier: every feed as far as this replica has it.
            frontier = try session.store.frontier()
            action = .lock(thread: thread, frontier: frontier)
            references = [thread]
        case .unlock(let thread), .pin(let thread, _), .rename(let thread, _): references = [thread]
        case .move(let thread, let topic): references = [thread, topic]
        }
        _ = try session.store.author(ops: [.moderation(Moderation(action))], references: references, key: session.key,
                                     now: clock(), dependsOn: frontier)
        return [.moderated]
    }

    private func membership(
        _ hex: String, _ session: Session, _ op: ((feed: FeedID, head: Int64, hash: ChangeHash?)) -> Op
    ) throws -> [Message] {
        guard let feed = FeedID(hex: hex) else { return [] }
        let head = try session.store.feedProgress()[feed]?.head ?? 0
        let hash = head > 0 ? try session.store.changes(of: feed, in: head...head).first?.hash : nil
        _ = try session.store.author(ops: [op((feed, head, hash))], references: [], key: session.key, now: clock(),
                                     dependsOn: head > 0 ? [feed: head] : [:])
        return [.moderated]
    }

    private func invite(_ name: String, _ organisation: String, _ role: Role, _ file: String, _ session: Session) throws -> [Message] {
        guard !FileManager.default.fileExists(atPath: file) else { return [.failed("\(file) already exists")] }
        let invite = try Invitation.create(
            store: session.store, key: session.key, name: name, organisation: organisation, role: role,
            expires: clock() + 14 * 86_400_000, folders: session.folders, now: clock())
        guard FileManager.default.createFile(atPath: file, contents: Data(invite.bytes), attributes: [.posixPermissions: 0o600]) else {
            return [.failed("cannot write \(file)")]
        }
        if !session.folders.isEmpty { _ = try SyncEngine(store: session.store).sync(folders: session.folders) }
        return [.inviteWritten(file)]
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
        if !session.folders.isEmpty { _ = try SyncEngine(store: session.store).adoptOwnFeed(session.key.feed, folders: session.folders) }
        let language = session.writingLanguage
        let ops: [Op], references: [EntityID]
        switch kind {
        case .thread(let topic):
            guard let topicID = EntityID(hex: topic.id) else { return [] }
            ops = [.threadCreate(ThreadCreate(topic: topicID, title: title, body: body, language: language))]
            references = [topicID]
        case .reply(let parent, let quote):
            guard let parentID = EntityID(hex: parent.id), let threadID = EntityID(hex: parent.thread) else { return [] }
            ops = [.postCreate(PostCreate(thread: threadID, parent: parentID, body: body, language: language, quote: quote))]
            references = [parentID]
        case .edit(let post):
            guard let postID = EntityID(hex: post.id) else { return [] }
            ops = [.postEdit(PostEdit(post: postID, body: body))]
            references = [postID]
        case .draft, .comment, .amend:
            return try sendDraft(kind, title: title, body: body, session)
        }
        let change = try session.store.author(ops: ops, references: references, key: session.key, now: clock())
        if case .edit = kind {} else { try session.store.markRead(posts: [change.entity(0).hex]) }
        return [.sent(kind)]
    }

    private func startSync(_ session: Session) -> [Message] {
        let folders = session.folders
        guard !folders.isEmpty else { return [.statusLoaded(SyncStatus())] }
        let store = session.store, mailbox = self.mailbox
        DispatchQueue.global().async {
            do {
                mailbox.post(.syncFinished(try SyncEngine(store: store).sync(folders: folders)))
            } catch {
                mailbox.post(.failed("\(error)"))
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
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    func drain() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let drained = messages
        messages = []
        return drained
    }
}
