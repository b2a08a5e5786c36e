extension Update {
    /// A click selects the row under it, a second click opens it; the wheel scrolls.
    static func handleMouse(_ event: MouseEvent, _ model: inout Model) -> [Effect] {
        if model.showHelp { model.showHelp = false; return [] }
        switch event.action {
        case .scrollUp: return handleKey(.up, &model) + handleKey(.up, &model) + handleKey(.up, &model)
        case .scrollDown: return handleKey(.down, &model) + handleKey(.down, &model) + handleKey(.down, &model)
        case .press: break
        }
        let row = event.y - 1
        guard row >= 0, row < model.contentRows else { return [] }
        func clicked<Item>(_ list: ListState<Item>, rows: Int) -> Int? {
            let index = list.offset + row
            return row < rows && list.items.indices.contains(index) ? index : nil
        }
        switch model.screen {
        case .topics(var list):
            guard let index = clicked(list, rows: model.contentRows) else { return [] }
            if index == list.selected { return handleKey(.enter, &model) }
            list.selected = index
            model.screen = .topics(list)
        case .threads(let topic, var list):
            guard let index = clicked(list, rows: model.contentRows) else { return [] }
            if index == list.selected { return handleKey(.enter, &model) }
            list.selected = index
            model.screen = .threads(topic: topic, list: list)
        case .thread(var thread):
            let wide = model.width >= 100
            let inTree = wide ? event.x < ThreadLayout.treeWidth(model.width) : row < treeRows(model)
            guard inTree, let index = clicked(thread.list, rows: treeRows(model)) else {
                thread.focus = .reader
                model.screen = .thread(thread)
                return []
            }
            thread.focus = .tree
            return select(index, in: &thread, &model)
        case .search(var search) where !search.editing:
            guard row >= 1, let index = clicked(search.results, rows: model.contentRows), index - 1 >= 0 else { return [] }
            search.results.selected = index - 1
            model.screen = .search(search)
        default:
            break
        }
        return []
    }
}
