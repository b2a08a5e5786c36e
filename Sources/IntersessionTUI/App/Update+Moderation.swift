import IntersessionCore

extension Update {
    /// Keys of the moderation menu: each action on the selected post or its thread; hiding
    /// asks for the reason members will see.
    static func moderationKey(_ key: Key, _ thread: inout ThreadState, _ model: inout Model) -> [Effect] {
        defer { if case .thread = model.screen { model.screen = .thread(thread) } }
        guard let post = thread.list.current, let postID = EntityID(hex: post.id), let threadID = EntityID(hex: thread.id) else {
            thread.moderation = nil
            return []
        }
        if let choice = thread.moderation?.topicChoice {
            let topics = model.topics
            switch key.name {
            case "up", "k": thread.moderation?.topicChoice = max(0, choice - 1)
            case "down", "j": thread.moderation?.topicChoice = min(max(0, topics.count - 1), choice + 1)
            case "enter":
                thread.moderation = nil
                guard topics.indices.contains(choice), let topic = EntityID(hex: topics[choice].id) else { return [] }
                return [.moderate(.move(thread: threadID, topic: topic))]
            default: thread.moderation = nil
            }
            return []
        }
        if var reason = thread.moderation?.reason {
            switch key.name {
            case "esc": thread.moderation = nil
            case "enter":
                let text = reason.text.trimmingCharacters(in: .whitespaces)
                guard ContentCheck.isTitle(text) else { return [] }
                let prompt = thread.moderation?.prompt
                thread.moderation = nil
                return [.moderate(prompt == .title ? .rename(thread: threadID, title: text) : .hide(post: postID, reason: text))]
            default:
                _ = reason.handle(key)
                thread.moderation?.reason = reason
            }
            return []
        }
        let locked = thread.detail?.thread.locked ?? false, pinned = thread.detail?.thread.pinned ?? false
        var action: Moderation.Action?
        switch key.name {
        case "h":
            if post.hiddenReason == nil {
                thread.moderation = ModerationMenu(reason: TextEditor(singleLine: true))
                return []
            }
            action = .unhide(post: postID)
        case "l": action = locked ? .unlock(thread: threadID) : .lock(thread: threadID, frontier: [:])
        case "p": action = .pin(thread: threadID, pinned: !pinned)
        case "s": action = .mark(post: postID, mark: .summary)
        case "d": action = .mark(post: postID, mark: .decision)
        case "c": action = .mark(post: postID, mark: nil)
        case "r":
            thread.moderation = ModerationMenu(reason: TextEditor(thread.detail?.thread.title ?? "", singleLine: true), prompt: .title)
            return []
        case "v":
            guard !model.topics.isEmpty else { break }
            var menu = ModerationMenu()
            menu.topicChoice = model.topics.firstIndex { $0.id == thread.detail?.thread.topic } ?? 0
            thread.moderation = menu
            return []
        default: break
        }
        thread.moderation = nil
        return action.map { [.moderate($0)] } ?? []
    }

    /// The menu's lines: key name and text, as the view and help show them.
    static func moderationChoices(_ thread: ThreadState) -> [(key: String, text: TextKey)] {
        let hidden = thread.list.current?.hiddenReason != nil
        let locked = thread.detail?.thread.locked ?? false, pinned = thread.detail?.thread.pinned ?? false
        return [("h", hidden ? .moderationUnhide : .moderationHide), ("l", locked ? .moderationUnlock : .moderationLock),
                ("p", pinned ? .moderationUnpin : .moderationPin), ("s", .moderationSummary), ("d", .moderationDecision),
                ("c", .moderationClearMark), ("r", .moderationRename), ("v", .moderationMove), ("esc", .helpCancel)]
    }
}

import Foundation
