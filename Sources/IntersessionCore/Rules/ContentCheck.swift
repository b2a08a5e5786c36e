/// Limits on what an op may carry, checked on apply as well as when composing, since a change
/// may come from a replica that checked nothing.
public enum ContentCheck {
    public static func problem(in op: Op) -> RejectionReason? {
        switch op {
        case .threadCreate(let thread):
            return isTitle(thread.title) && isBody(thread.body) ? nil : .invalidContent
        case .postCreate(let post):
            return isBody(post.body) && (post.quote.map(isBody) ?? true) ? nil : .invalidContent
        case .postEdit(let edit):
            return isBody(edit.body) ? nil : .invalidContent
        case .memberProfile(let profile):
            return isName(profile.name) && isName(profile.organisation) ? nil : .invalidContent
        case .memberInvite(let invite):
            return isName(invite.name) && isName(invite.organisation) ? nil : .invalidContent
        case .topicCreate(let topic):
            let titles = [topic.title.english, topic.title.french].compactMap { $0 }
            return TopicKey.isValid(topic.key) && titles.allSatisfy(isTitle) ? nil : .invalidContent
        case .draftEdit(let edit):
            return edit.insertions.reduce(0) { $0 + $1.text.utf8.count } <= Limits.draftBytes ? nil : .invalidContent
        case .amendPosition(let position):
            return isOptionalBody(position.reason) ? nil : .invalidContent
        case .amendDecide(let decision):
            return isOptionalBody(decision.reason) ? nil : .invalidContent
        default:
            return nil
        }
    }

    /// A whole draft's text. On apply only each edit's own text is bounded: whether concurrent
    /// edits together pass the limit depends on which arrives first, and no rule may.
    public static func isDraftText(_ text: String) -> Bool {
        text.utf8.count <= Limits.draftBytes
    }

    static func isOptionalBody(_ text: String?) -> Bool {
        (text?.utf8.count ?? 0) <= Limits.postBodyBytes
    }

    public static func isTitle(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace
        return !trimmed.isEmpty && text.count <= Limits.titleCharacters && !text.contains(where: \.isNewline)
    }

    public static func isBody(_ text: String) -> Bool {
        !text.trimmingWhitespace.isEmpty && text.utf8.count <= Limits.postBodyBytes
    }

    public static func isName(_ text: String) -> Bool {
        !text.trimmingWhitespace.isEmpty && text.count <= Limits.nameCharacters && !text.contains(where: \.isNewline)
    }
}

/// A topic key: lower-case letters, digits and dashes, as typed on the command line.
public enum TopicKey {
    public static func isValid(_ key: String) -> Bool {
        (1...40).contains(key.utf8.count)
            && key.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
