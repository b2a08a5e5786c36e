/// The keys of each screen, for help, by their canonical names (the same in every language,
/// as terminal keys are). The update functions implement exactly these.
enum Bindings {
    static func of(_ screen: Screen, moderates: Bool = false) -> [(keys: String, text: TextKey)] {
        let reading: [(String, TextKey)] = [
            ("n", .helpNextUnread), ("/", .helpSearch), ("s", .helpSync), ("@", .helpMembers), ("A", .helpAudit), ("V", .helpPolls), ("D", .helpDrafts),
            ("L", .helpLanguage), ("?", .helpHelp),
            ("q esc", .helpBack), ("ctrl+c", .helpQuit),
        ]
        let moving: [(String, TextKey)] = [
            ("↑↓ j k", .helpMove), ("pgup pgdn", .helpPage), ("home end g G", .helpEnds), ("enter → l", .helpOpen),
        ]
        switch screen {
        case .topics: return moving + reading
        case .threads: return moving + [("c", .helpNewThread), ("M", .helpMarkAllRead), ("← h", .helpBack)] + reading
        case .thread:
            return moving + [("tab", .helpPane), ("space", .helpPage), ("r R", .helpReply), ("e", .helpEdit),
                             ("x", .helpRetract), ("u", .helpToggleRead)] + (moderates ? [("m", .helpModerate)] : []) + reading
        case .members:
            let secretariat: [(String, TextKey)] = [("g", .helpGrant), ("v", .helpRevoke), ("X", .helpRemove), ("i", .helpInvite), ("a", .helpAdmit)]
            return moving + (moderates ? secretariat : []) + reading
        case .audit, .polls: return moving + reading
        case .poll(let poll):
            let election: [(String, TextKey)] = poll.detail?.seat == nil ? [] : [("N", .helpNominate), ("a", .helpAccept)]
            let grant: [(String, TextKey)] = poll.detail?.cochairGrantDue == nil || !moderates ? [] : [("g", .helpGrantCochair)]
            return [("v enter", .helpVote)] + election + (moderates ? [("C", .helpClose)] : []) + grant + reading
        case .drafts: return moving + reading
        case .draft:
            return moving + [("e", .helpEditDraft), ("c", .helpComment), ("a", .helpAmend), ("d", .helpDiff), ("t", .helpAmendmentsTable),
                             ("enter", .helpOpenComments), ("v", .helpNameVersion)] + (moderates ? [("S", .helpDraftStatus)] : []) + reading
        case .draftDiff: return [("↑↓ j k", .helpMove), ("pgup pgdn", .helpPage)] + reading
        case .amendments:
            return moving + [("+", .helpSupport), ("-", .helpOppose), ("y", .helpAcceptAmendment), ("r", .helpRejectAmendment)] + reading
        case .search: return moving + [("e", .helpSearch), ("esc", .helpBack)]
        case .compose: return [("ctrl+s", .helpSend), ("ctrl+e", .helpExternalEditor), ("tab", .helpField), ("esc", .helpCancel)]
        case .welcome: return [("↑↓", .helpMove), ("enter", .helpOpen), ("tab", .helpField), ("esc", .helpBack)]
        }
    }
}
