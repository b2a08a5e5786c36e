import IntersessionStore

extension Update {
    /// `n` in a thread: the next unread post after the selected one, in the whole reply tree.
    /// A post hidden in a folded branch is never skipped: the branches that hold it unfold,
    /// and the status line says so. Nil when the thread has no unread post further on.
    static func nextUnreadInThread(_ thread: inout ThreadState, _ model: inout Model) -> [Effect]? {
        guard var posts = thread.detail?.posts, let current = thread.list.current,
            let start = posts.firstIndex(where: { $0.id == current.id })
        else { return nil }
        // What was read since the thread loaded is marked in the shown list only: keep it.
        let read = Dictionary(thread.list.items.map { ($0.id, $0.read) }, uniquingKeysWith: { first, _ in first })
        for index in posts.indices { if let flag = read[posts[index].id] { posts[index].read = flag } }
        guard let next = posts.indices.first(where: { $0 > start && !posts[$0].read }) else { return nil }
        let folded = Set(ancestors(of: posts[next].id, in: posts).dropFirst()).intersection(thread.collapsed)
        thread.detail?.posts = posts
        if !folded.isEmpty {
            thread.collapsed.subtract(folded)
            thread.list.items = ThreadTree.visible(posts, collapsed: thread.collapsed)
        }
        guard let index = thread.list.items.firstIndex(where: { $0.id == posts[next].id }) else { return nil }
        let effects = select(index, in: &thread, &model)
        if !folded.isEmpty { model.flash = model.catalog[.threadUnfoldedForUnread] }
        return effects
    }
}
