import IntersessionCore
import IntersessionStore

extension Update {
    /// A listing loaded: the screens that show it take its rows in. A listing asks for nothing more.
    static func takeLoaded(_ message: Message, _ model: inout Model) {
        switch message {
        case .topicsLoaded(let topics):
            model.updateScreens { screen in
                if case .topics(var list) = screen {
                    list.replace(topics, keeping: \.id)
                    screen = .topics(list)
                }
            }
        case .threadsLoaded(let topic, let threads):
            model.updateScreens { screen in
                if case .threads(let current, var list) = screen, current.id == topic {
                    list.replace(threads, keeping: \.id)
                    screen = .threads(topic: current, list: list)
                }
            }
        case .attachmentsLoaded(let attachments):
            model.attachments.merge(attachments) { $1 }
        case .searchLoaded(let query, let hits):
            if case .search(var search) = model.screen {
                search.results = ListState(items: hits)
                search.results.loaded = true
                search.searched = query
                model.screen = .search(search)
            }
        case .membersLoaded(let members):
            model.updateScreens { screen in
                if case .members(var list) = screen { list.replace(members, keeping: \.feed); screen = .members(list) }
            }
        case .auditLoaded(let entries):
            model.updateScreens { screen in
                if case .audit(var list) = screen {
                    list.items = entries
                    list.loaded = true
                    list.selected = min(list.selected, max(0, entries.count - 1))
                    screen = .audit(list)
                }
            }
        case .pollsLoaded(let polls):
            model.updateScreens { screen in
                if case .polls(var list) = screen { list.replace(polls, keeping: \.id); screen = .polls(list) }
            }
        case .pollLoaded(let detail):
            model.updateScreens { screen in
                if case .poll(var poll) = screen, poll.id == detail.summary.id { poll.detail = detail; screen = .poll(poll) }
            }
        default:
            break
        }
    }
}
