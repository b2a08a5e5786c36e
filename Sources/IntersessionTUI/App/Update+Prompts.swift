import IntersessionCore

/// The prompts a person's roles and state call for, shown as the flash: terms ended, grants due,
/// contested invites, forked feeds (the secretariat's), one's own frozen feed, an invite written.
extension Update {
    static func prompt(_ message: Message, _ model: inout Model) -> [Effect] {
        switch message {
        case .termsEnded(let terms):
            let names = terms.map { term in "\(term.name) (\(Role(rawValue: term.role).map { model.catalog[Update.roleText($0)] } ?? term.role))" }
            model.flash = model.catalog[.termEnded, names.joined(separator: ", ")]
            return []
        case .cochairGrantsDue(let names):
            model.flash = model.catalog[.cochairGrantDue, names.joined(separator: ", ")]
            return []
        case .invitesContested(let invites):
            model.flash = model.catalog[.invitesContested, invites.joined(separator: "; ")]
            return []
        case .feedsForked(let names):
            model.flash = model.catalog[.feedsForked, names.joined(separator: ", ")]
            return []
        case .ownFeedFrozen(let seq):
            model.flash = model.catalog[.ownFeedFrozen, seq]
            return []
        case .inviteWritten(let file, let shared):
            model.flash = model.catalog[.inviteWritten, file.terminalSafe]
                + (shared.map { " " + model.catalog[.inviteInSharedFolder, file.terminalSafe, $0.terminalSafe] } ?? "")
            return reloadCurrent(model)
        default:
            return []
        }
    }
}
