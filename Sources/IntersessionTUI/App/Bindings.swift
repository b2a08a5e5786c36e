import IntersessionCore

/// The bindings of each screen in its present state: only the keys that do something there
/// (a moderator's keys for moderators, an election's keys on an election, the reading pane's
/// keys while it has the focus). `Update.handleKey` ignores every other key on a reading
/// screen, and the help overlay lists exactly these.
enum Bindings {
    static let move = Binding("up", "down", "k", "j", help: .helpMove)
    static let page = Binding("pgup", "pgdown", "ctrl+b", "ctrl+f", "space", help: .helpPage)
    static let ends = Binding("home", "end", "g", "G", help: .helpEnds)
    static let open = Binding("enter", "right", "l", help: .helpOpen)
    static let back = Binding("left", "h", help: .helpBack)
    static let moving = [move, page, ends]

    /// The moving keys, for a list long enough to move in.
    static func moving(_ count: Int) -> [Binding] { count > 1 ? moving : [] }

    /// Keys that mean the same on every reading screen.
    static let reading = [
        Binding("n", help: .helpNextUnread), Binding("/", help: .helpSearch), Binding("s", help: .helpSync),
        Binding("@", help: .helpMembers), Binding("A", help: .helpAudit), Binding("V", help: .helpPolls), Binding("D", help: .helpDrafts), Binding("W", help: .helpMeetings), Binding("B", help: .helpLibrary), Binding("T", help: .helpReport),
        Binding("L", help: .helpLanguage), Binding("?", "f1", help: .helpHelp), Binding("q", "esc", help: .helpBack),
        Binding("ctrl+c", help: .helpQuit),
    ]

    static func of(_ model: Model) -> [Binding] {
        switch model.screen {
        case .topics(let list): return moving(list.items.count) + [open] + reading
        case .threads(_, let list): return moving(list.items.count) + [open, Binding("c", help: .helpNewThread), Binding("M", help: .helpMarkAllRead), back] + reading
        case .thread(let thread): return of(thread, model) + reading
        case .members(let list):
            guard model.isSecretariat else { return moving(list.items.count) + [back] + reading }
            let admit = list.current?.contestedInvite == nil ? [] : [Binding("a", help: .helpAdmit)]
            return moving(list.items.count) + secretariat + admit + [back] + reading
        case .audit(let list): return moving(list.items.count) + [back] + reading
        case .polls(let list): return moving(list.items.count) + [open, back] + reading
        case .drafts(let list): return moving(list.items.count) + [open, back] + reading
        case .poll(let poll): return of(poll, model) + [back] + reading
        case .draft(let draft):
            guard draft.detail != nil else { return [back] + reading }
            var keys = moving(draft.list.items.count) + [Binding("e", help: .helpEditDraft), Binding("c", help: .helpComment), Binding("a", help: .helpAmend),
                                 Binding("d", help: .helpDiff), Binding("t", help: .helpAmendmentsTable), Binding("v", help: .helpNameVersion)]
            if draft.list.current?.comments.isEmpty == false { keys.append(Binding("enter", "right", "l", help: .helpOpenComments)) }
            if model.moderates { keys.append(Binding("S", help: .helpDraftStatus)) }
            return keys + [attachments, back] + reading
        case .meetings(let screen): return of(screen, model)
        case .library(let screen): return of(screen, model)
        case .attachments(let state): return of(state, model)
        case .report(let state): return of(state, model)
        case .draftDiff(let diff):
            guard DraftDiffView.maximumScroll(diff, model) > 0 else { return [back] + reading }
            return [move, Binding("pgup", "pgdown", "space", help: .helpPage), Binding("home", "end", help: .helpEnds), back] + reading
        case .amendments(let state):
            var keys = moving(state.list.items.count)
            if state.list.current?.status == "open" {
                keys += [Binding("+", help: .helpSupport), Binding("-", help: .helpOppose), Binding("y", help: .helpAcceptAmendment),
                         Binding("r", help: .helpRejectAmendment)]
            }
            return keys + [back] + reading
        case .search(let search):
            if search.editing { return [Binding("enter", help: .helpSearch), Binding("esc", help: .helpBack), Binding("ctrl+c", help: .helpQuit)] }
            return moving(search.results.items.count) + [open, Binding("e", "i", help: .helpEditQuery), back] + reading
        case .compose(let compose):
            return composing(compose)
        case .welcome(let welcome):
            if welcome.step != .choose {
                return [Binding("tab", "shift+tab", help: .helpField), Binding("enter", help: .helpOpen), Binding("esc", help: .helpBack),
                        Binding("ctrl+c", help: .helpQuit)]
            }
            return [Binding("up", "down", "k", "j", help: .helpMove), Binding("enter", help: .helpOpen), Binding("?", "f1", help: .helpHelp),
                    Binding("q", "esc", help: .helpQuit), Binding("ctrl+c", help: .helpQuit)]
        }
    }

    /// The editor's keys: `?` is text there, so help opens with F1 or ctrl+g (as in nano).
    static func composing(_ compose: ComposeState) -> [Binding] {
        let fields = compose.hasTitleField ? [Binding("tab", "shift+tab", help: .helpField)] : []
        return [Binding("ctrl+s", "f2", help: .helpSend), Binding("ctrl+e", "f3", help: .helpExternalEditor)] + fields
            + [Binding("up", "down", "left", "right", help: .helpEditorMove), Binding("home", "end", "ctrl+a", help: .helpEditorLineEnds),
               Binding("backspace", "delete", help: .helpEditorDelete), Binding("enter", help: .helpEditorNewLine),
               Binding("f1", "ctrl+g", help: .helpHelp), Binding("esc", help: .helpCancel), Binding("ctrl+c", help: .helpQuit)]
    }

    static let secretariat = [Binding("g", help: .helpGrant), Binding("v", help: .helpRevoke), Binding("X", help: .helpRemove),
                              Binding("i", help: .helpInvite)]

    static func of(_ thread: ThreadState, _ model: Model) -> [Binding] {
        let acts = [Binding("r", "R", help: .helpReply), Binding("e", help: .helpEdit), Binding("x", help: .helpRetract),
                    Binding("u", help: .helpToggleRead), Binding("M", help: .helpMarkAllRead), Binding("z", help: .helpCollapse),
                    Binding("Z", help: .helpCollapseAll)] + (model.moderates ? [Binding("m", help: .helpModerate)] : [])
            + (thread.list.current == nil ? [] : [attachments])
        if thread.focus == .reader {
            return [Binding("up", "down", "k", "j", help: .helpScrollPost), Binding("pgup", "pgdown", "ctrl+b", "ctrl+f", "space", help: .helpPage),
                    Binding("home", "end", "g", "G", help: .helpPostEnds), Binding("tab", "shift+tab", "left", "h", help: .helpTree)] + acts
        }
        let keys = thread.list.items.count > 1 ? moving : [Binding("space", help: .helpPage)]
        return keys + [Binding("tab", "shift+tab", "enter", "right", "l", help: .helpPane)] + acts + [back]
    }

    static func of(_ poll: PollState, _ model: Model) -> [Binding] {
        guard let detail = poll.detail else { return [] }
        let closed = detail.summary.closed
        var keys = [Binding("v", "enter", help: .helpVote)]
        if PollView.maximumScroll(detail, model) > 0 {
            keys.append(Binding("up", "down", "k", "j", "pgup", "pgdown", "space", "home", "end", help: .helpScrollText))
        }
        if detail.seat != nil, closed || !Update.nominees(detail).isEmpty { keys.append(Binding("N", help: .helpNominate)) }
        if detail.seat != nil, closed || detail.candidates.contains(where: { $0.feed == model.me && !$0.accepted }) {
            keys.append(Binding("a", help: .helpAccept))
        }
        if model.moderates, !closed { keys.append(Binding("C", help: .helpClose)) }
        if model.isSecretariat, detail.cochairGrantDue != nil { keys.append(Binding("g", help: .helpGrantCochair)) }
        return keys
    }
}
