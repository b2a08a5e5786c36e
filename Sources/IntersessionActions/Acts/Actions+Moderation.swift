import IntersessionCore
import IntersessionStore

/// Moderation by the co-chairs and the secretariat: hide, unhide, mark, lock, unlock, pin,
/// move, rename. Everything moderated stays in the audit log.
extension Actions {
    /// Signs one moderation act. A lock carries the frontier of this replica (every feed as far
    /// as it has it), like a close: replies inside it stay, later ones are refused.
    public func moderate(_ action: Moderation.Action) throws {
        try adoptOwnChanges()
        guard try store.canModerate(key.feed) else { throw ActionError.notModerator }
        var action = action
        if case .lock(let thread, _) = action { action = .lock(thread: thread, frontier: try store.frontier()) }
        if case .hide(let post, let reason) = action { action = .hide(post: post, reason: try Input.title(reason)) }
        if case .rename(let thread, let title) = action { action = .rename(thread: thread, title: try Input.title(title)) }
        try sign([.moderation(Moderation(action))])
    }
}
