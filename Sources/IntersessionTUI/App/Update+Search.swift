extension Update {
    static func searchEditKey(_ key: Key, _ search: inout SearchState, _ model: inout Model) -> [Effect] {
        switch key.name {
        case "esc":
            if search.searched != nil {
                search.editing = false
                return []
            }
            model.screens.removeLast()
            return []
        case "enter":
            let query = search.query.text.trimmingCharacters(in: .whitespaces)
            guard !query.isEmpty else { return [] }
            search.editing = false
            return [.search(query)]
        default:
            _ = search.query.handle(key)
            return []
        }
    }

    static func searchResultsKey(_ key: Key, _ search: inout SearchState, _ model: inout Model) -> [Effect] {
        if navigate(key, &search.results, rows: model.contentRows - 1) {
            model.screen = .search(search)
            return []
        }
        if isOpen(key), let hit = search.results.current {
            return openThread(hit.thread, at: hit.post, &model)
        }
        switch key.name {
        case "e", "i":
            search.editing = true
            model.screen = .search(search)
            return []
        case "left", "h":
            return goBack(&model)
        default:
            return []
        }
    }
}

import Foundation
