import IntersessionStore

/// Folding a thread's reply tree: a collapsed post hides every reply below it, as mutt's
/// collapse-thread does. The posts are in tree order, so a post's replies are the posts that
/// follow it deeper than it, up to the next one as shallow.
enum ThreadTree {
    /// The posts shown with these posts collapsed.
    static func visible(_ posts: [PostView], collapsed: Set<String>) -> [PostView] {
        guard !collapsed.isEmpty else { return posts }
        var shown: [PostView] = []
        var hidingBelow: Int?
        for post in posts {
            if let depth = hidingBelow {
                if post.depth > depth { continue }
                hidingBelow = nil
            }
            shown.append(post)
            if collapsed.contains(post.id) { hidingBelow = post.depth }
        }
        return shown
    }

    /// How many replies each collapsed post hides.
    static func hiddenReplies(_ thread: ThreadState) -> [String: Int] {
        guard !thread.collapsed.isEmpty, let posts = thread.detail?.posts else { return [:] }
        var hidden: [String: Int] = [:]
        for (index, post) in posts.enumerated() where thread.collapsed.contains(post.id) {
            hidden[post.id] = replies(after: index, in: posts)
        }
        return hidden
    }

    /// The replies below the post at `index`, at any depth.
    static func replies(after index: Int, in posts: [PostView]) -> Int {
        var count = 0
        for post in posts[(index + 1)...] {
            guard post.depth > posts[index].depth else { break }
            count += 1
        }
        return count
    }
}
