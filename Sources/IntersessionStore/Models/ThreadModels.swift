import Foundation
import IntersessionCore

public struct TopicSummary: Sendable, Equatable, Codable {
    public var id: String
    public var key: String
    public var titleEnglish: String?
    public var titleFrench: String?
    public var order: Int64
    public var threads: Int
    public var posts: Int
    public var unread: Int

    public func title(in language: Language) -> String {
        LocalizedText(english: titleEnglish, french: titleFrench).text(in: language)
    }
}

public struct ThreadSummary: Sendable, Equatable, Codable {
    public var id: String
    public var topic: String
    public var title: String
    public var author: String
    public var authorName: String?
    public var created: Int64
    public var lastActivity: Int64
    public var posts: Int
    public var unread: Int
    public var pinned: Bool
    public var locked: Bool
}

public struct PostView: Sendable, Equatable, Codable {
    public var id: String
    public var thread: String
    public var parent: String?
    /// Replies above this one, 0 for the opening post.
    public var depth: Int
    public var author: String
    public var authorName: String?
    public var organisation: String?
    public var created: Int64
    public var language: String
    public var quote: String?
    /// The current text; empty when retracted.
    public var body: String
    public var edits: Int
    public var retracted: Bool
    public var read: Bool
    /// Set when the co-chairs hid the post: the reason members see instead of the text.
    public var hiddenReason: String?
    /// `summary` or `decision` when the chair marked the post so.
    public var mark: String?
}

public struct ThreadDetail: Sendable, Equatable, Codable {
    public var thread: ThreadSummary
    public var topicKey: String
    /// In reply-tree order: each post followed by its replies, oldest first.
    public var posts: [PostView]
}

/// One text of a post: the first, then each edit in clock order.
public struct PostVersion: Sendable, Equatable, Codable {
    public var seq: Int64
    public var time: Int64
    public var body: String
}

public struct SearchHit: Sendable, Equatable, Codable {
    public var post: String
    public var thread: String
    public var threadTitle: String
    public var author: String
    public var authorName: String?
    public var snippet: String
    /// The post's current text, as searched, and where the matched words are in it (offsets
    /// in `Character`s), so that a front end can cut its own snippet around a match.
    public var text: String = ""
    public var matches: [Range<Int>] = []

    public init(post: String, thread: String, threadTitle: String, author: String, authorName: String?, snippet: String,
                text: String = "", matches: [Range<Int>] = []) {
        self.post = post
        self.thread = thread
        self.threadTitle = threadTitle
        self.author = author
        self.authorName = authorName
        self.snippet = snippet
        self.text = text
        self.matches = matches
    }
}

extension PostView {
    /// The post as someone who does not moderate sees it: a hidden post shows only why.
    public func redacted(forModerator moderator: Bool) -> PostView {
        guard hiddenReason != nil, !moderator else { return self }
        var post = self
        post.body = ""
        post.quote = nil
        return post
    }
}

extension ThreadDetail {
    public func redacted(forModerator moderator: Bool) -> ThreadDetail {
        var detail = self
        detail.posts = posts.map { $0.redacted(forModerator: moderator) }
        return detail
    }
}
