import IntersessionCore
import IntersessionStore

extension Update {
    /// What an act or a sync came to: said in the status line, and the screen reloaded where it changed.
    static func outcomeMessage(_ message: Message, _ model: inout Model) -> [Effect] {
        switch message {
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
        case .deadlinesPassed(let titles):
            if model.flash == nil, let first = titles.first { model.flash = model.catalog[.pollDeadlinePrompt, first] }
            return []
        case .voted:
            model.flash = model.catalog[.pollThanks]
            return reloadCurrent(model)
        case .recorded(let text):
            model.flash = model.catalog[text]
            return reloadCurrent(model)
        case .moderated:
            model.flash = model.catalog[.moderationDone]
            return reloadCurrent(model)
        case .failed(let why):
            model.flash = model.catalog[.errorPrefix, model.catalog.text(why)]
            return []
        default:
            return []
        }
    }
}
