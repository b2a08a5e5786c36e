import IntersessionCore
import IntersessionStore

extension Update {
    static func threadLoaded(_ detail: ThreadDetail, _ model: inout Model) -> [Effect] {
        var effects: [Effect] = []
        model.updateScreens { screen in
            guard case .thread(var thread) = screen, thread.id == detail.thread.id else { return }
            let wasLoaded = thread.detail != nil
            thread.detail = detail
            thread.list.replace(detail.posts, keeping: \.id)
            if let focus = thread.focusPost, let index = detail.posts.firstIndex(where: { $0.id == focus }) {
                thread.list.selected = index
                thread.focusPost = nil
            } else if !wasLoaded, let unread = detail.posts.firstIndex(where: { !$0.read }) {
                thread.list.selected = unread
            }
            if let post = thread.list.current, !post.read {
                thread.list.items[thread.list.selected].read = true
                effects.append(.markRead([post.id]))
            }
            screen = .thread(thread)
        }
        return effects
    }

    /// Selects a post, which reads it: mutt's way, the post shown is the post read.
    static func select(_ index: Int, in thread: inout ThreadState, _ model: inout Model) -> [Effect] {
        thread.list.selected = index
        thread.list.reveal(rows: treeRows(model))
        thread.readerScroll = 0
        thread.confirmRetract = nil
        var effects: [Effect] = []
        if let post = thread.list.current, !post.read {
            thread.list.items[index].read = true
            effects.append(.markRead([post.id]))
        }
        model.screen = .thread(thread)
        return effects
    }

    /// Rows of the reply tree: the top part of the screen when it is narrow, all of it when wide.
    static func treeRows(_ model: Model) -> Int {
        model.width >= 100 ? model.contentRows : max(1, model.contentRows * 2 / 5)
    }

    static func threadKey(_ key: Key, _ thread: inout ThreadState, _ model: inout Model) -> [Effect] {
        let rows = treeRows(model)
        if thread.focus == .reader {
            switch key.name {
            case "up", "k": thread.readerScroll = max(0, thread.readerScroll - 1); model.screen = .thread(thread); return []
            case "down", "j": thread.readerScroll += 1; model.screen = .thread(thread); return []
            case "pgup": thread.readerScroll = max(0, thread.readerScroll - rows); model.screen = .thread(thread); return []
            case "pgdown": thread.readerScroll += rows; model.screen = .thread(thread); return []
            case "tab", "shift+tab", "left", "h": thread.focus = .tree; model.screen = .thread(thread); return []
            default: break
            }
        }
        let before = thread.list.selected
        if key.name != "space", navigate(key, &thread.list, rows: rows) {
            let after = thread.list.selected
            thread.list.selected = before
            return select(after, in: &thread, &model)
        }
        switch key.name {
        case "space":
            thread.readerScroll += max(1, model.contentRows - rows - 2)
            model.screen = .thread(thread)
            return []
        case "enter", "right", "l", "tab", "shift+tab":
            thread.focus = .reader
            model.screen = .thread(thread)
            return []
        case "left", "h":
            return goBack(&model)
        case "u":
            guard let post = thread.list.current else { return [] }
            thread.list.items[thread.list.selected].read.toggle()
            model.screen = .thread(thread)
            return [post.read ? .markUnread([post.id]) : .markRead([post.id])]
        case "r", "R":
            guard let post = thread.list.current else { return [] }
            model.screen = .thread(thread)
            let quote = key.name == "R" && !post.retracted ? Self.quotable(post.body) : nil
            model.screens.append(.compose(ComposeState(kind: .reply(to: post, quote: quote))))
            return []
        case "e":
            guard let post = thread.list.current else { return [] }
            guard post.author == model.me, !post.retracted else { model.flash = model.catalog[.notYours]; return [] }
            model.screen = .thread(thread)
            model.screens.append(.compose(ComposeState(kind: .edit(post))))
            return []
        case "m":
            guard model.moderates, thread.list.current != nil else { return [] }
            thread.moderation = ModerationMenu()
            model.screen = .thread(thread)
            return []
        case "x":
            guard let post = thread.list.current else { return [] }
            guard post.author == model.me, !post.retracted else { model.flash = model.catalog[.notYours]; return [] }
            if thread.confirmRetract == post.id {
                thread.confirmRetract = nil
                model.screen = .thread(thread)
                return [.retract(post: post.id)]
            }
            thread.confirmRetract = post.id
            model.flash = model.catalog[.retractConfirm]
            model.screen = .thread(thread)
            return []
        default:
            return []
        }
    }

    /// The passage a reply quotes: the post's first paragraph, kept short.
    static func quotable(_ body: String) -> String {
        let paragraph = body.components(separatedBy: "\n\n").first ?? body
        return paragraph.count <= 600 ? paragraph : String(paragraph.prefix(600))
    }
}
