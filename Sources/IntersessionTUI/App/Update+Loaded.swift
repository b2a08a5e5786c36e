import IntersessionCore
import IntersessionStore

extension Update {
    /// A listing loaded: it replaces the rows of the screens that show it, keeping each one's selection.
    static func loadedMessage(_ message: Message, _ model: inout Model) -> [Effect] {
        switch message {
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
        default:
            return []
        }
    }
}
