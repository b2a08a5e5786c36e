import IntersessionCore
import IntersessionStore

extension Update {
    static func threadLoaded(_ detail: ThreadDetail, _ model: inout Model) -> [Effect] {
        var effects: [Effect] = []
        let rows = treeRows(model)
        model.updateScreens { screen in
            guard case .thread(var thread) = screen, thread.id == detail.thread.id else { return }
            let wasLoaded = thread.detail != nil
            thread.detail = detail
            if let focus = thread.focusPost { thread.collapsed.subtract(ancestors(of: focus, in: detail.posts)) }
            let shown = ThreadTree.visible(detail.posts, collapsed: thread.collapsed)
            thread.list.replace(shown, keeping: \.id)
            if let focus = thread.focusPost, let index = shown.firstIndex(where: { $0.id == focus }) {
                thread.list.selected = index
                thread.focusPost = nil
            } else if !wasLoaded, let unread = shown.firstIndex(where: { !$0.read }) {
                // A thread opens where the reading stopped: its first unread post.
                thread.list.selected = unread
            }
            thread.list.reveal(rows: rows)
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
        if thread.focus == .reader, readerKey(key, &thread, model) {
            model.screen = .thread(thread)
            return []
        }
        let before = thread.list.selected
        if key.name != "space", navigate(key, &thread.list, rows: rows) {
            let after = thread.list.selected
            thread.list.selected = before
            return select(after, in: &thread, &model)
        }
        switch key.name {
        case "space":
            // mutt's pager: a page further, and at the end of the post, the next post.
            if thread.readerScroll >= readerMaximumScroll(thread, model), thread.list.selected + 1 < thread.list.items.count {
                return select(thread.list.selected + 1, in: &thread, &model)
            }
            scrollReader(&thread, by: readerPage(model), model)
            model.screen = .thread(thread)
            return []
        case "z", "Z":
            return toggleCollapse(all: key.name == "Z", &thread, &model)
        case "M":
            return markThreadRead(&thread, &model)
        case "enter", "right", "l", "tab", "shift+tab":
            thread.focus = .reader
            model.screen = .thread(thread)
            return []
        case "left", "h":
            return goBack(&model)
        case "F":
            guard let post = thread.list.current else { return [] }
            model.screen = .thread(thread)
            return openAttachments(of: post.id, &model)
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

    /// The keys of the reading pane: scrolling the post, its top and its end. False for any other.
    static func readerKey(_ key: Key, _ thread: inout ThreadState, _ model: Model) -> Bool {
        switch key.name {
        case "up", "k": scrollReader(&thread, by: -1, model)
        case "down", "j": scrollReader(&thread, by: 1, model)
        case "pgup", "ctrl+b": scrollReader(&thread, by: -readerPage(model), model)
        case "pgdown", "ctrl+f": scrollReader(&thread, by: readerPage(model), model)
        case "space" where thread.readerScroll < readerMaximumScroll(thread, model): scrollReader(&thread, by: readerPage(model), model)
        case "home", "g": thread.readerScroll = 0
        case "end", "G": thread.readerScroll = readerMaximumScroll(thread, model)
        case "tab", "shift+tab", "left", "h": thread.focus = .tree
        default: return false
        }
        return true
    }

    static func scrollReader(_ thread: inout ThreadState, by delta: Int, _ model: Model) {
        thread.readerScroll = min(max(0, thread.readerScroll + delta), readerMaximumScroll(thread, model))
    }

    /// A page of the reading pane: its rows less one, so a line stays in view across pages.
    static func readerPage(_ model: Model) -> Int { max(1, ThreadLayout.reader(model).height - 2) }

    /// The scroll that shows the end of the selected post, as the pane wraps it now.
    static func readerMaximumScroll(_ thread: ThreadState, _ model: Model) -> Int {
        guard let post = thread.list.current else { return 0 }
        let pane = ThreadLayout.reader(model)
        let lines = ThreadView.postLines(post, model, Theme.make(colors: false), width: pane.width).count
        return ScrollView.maximumScroll(lines: lines, height: pane.height)
    }

    /// `z` folds or unfolds the replies below the selected post; `Z` folds every reply to the
    /// opening post, or unfolds all when something is folded.
    static func toggleCollapse(all: Bool, _ thread: inout ThreadState, _ model: inout Model) -> [Effect] {
        guard var posts = thread.detail?.posts, let current = thread.list.current else { return [] }
        // What was read since the thread loaded is marked in the shown list only: keep it.
        let read = Dictionary(thread.list.items.map { ($0.id, $0.read) }, uniquingKeysWith: { first, _ in first })
        for index in posts.indices { if let flag = read[posts[index].id] { posts[index].read = flag } }
        thread.detail?.posts = posts
        let foldable = Set(posts.indices.filter { posts[$0].depth == 1 && ThreadTree.replies(after: $0, in: posts) > 0 }.map { posts[$0].id })
        if all, thread.collapsed.isEmpty, foldable.isEmpty {
            model.flash = model.catalog[.threadNoReplies]
            model.screen = .thread(thread)
            return []
        } else if all {
            thread.collapsed = thread.collapsed.isEmpty ? foldable : []
        } else if thread.collapsed.contains(current.id) {
            thread.collapsed.remove(current.id)
        } else if let index = posts.firstIndex(where: { $0.id == current.id }), ThreadTree.replies(after: index, in: posts) > 0 {
            thread.collapsed.insert(current.id)
        } else {
            model.flash = model.catalog[.threadNoReplies]
            model.screen = .thread(thread)
            return []
        }
        let keep = ancestors(of: current.id, in: posts).first { thread.collapsed.contains($0) } ?? current.id
        thread.list.items = ThreadTree.visible(posts, collapsed: thread.collapsed)
        thread.list.selected = thread.list.items.firstIndex { $0.id == keep } ?? 0
        thread.list.reveal(rows: treeRows(model))
        model.screen = .thread(thread)
        return []
    }

    /// The post and the posts it replies to, up to the opening one.
    static func ancestors(of id: String, in posts: [PostView]) -> [String] {
        let parents = Dictionary(posts.map { ($0.id, $0.parent) }, uniquingKeysWith: { first, _ in first })
        var chain: [String] = []
        var next: String? = id
        while let current = next, chain.count <= posts.count {
            chain.append(current)
            next = parents[current] ?? nil
        }
        return chain
    }

    /// `M` in a thread does what it does in the list: every post of the thread read.
    static func markThreadRead(_ thread: inout ThreadState, _ model: inout Model) -> [Effect] {
        for index in thread.list.items.indices { thread.list.items[index].read = true }
        for index in thread.detail?.posts.indices ?? 0..<0 { thread.detail?.posts[index].read = true }
        model.flash = model.catalog[.threadMarkedRead]
        model.screen = .thread(thread)
        return [.markThreadRead(thread.id)]
    }

    /// The passage a reply quotes: the post's first paragraph, kept short.
    static func quotable(_ body: String) -> String {
        let paragraph = body.components(separatedBy: "\n\n").first ?? body
        return paragraph.count <= 600 ? paragraph : String(paragraph.prefix(600))
    }
}
