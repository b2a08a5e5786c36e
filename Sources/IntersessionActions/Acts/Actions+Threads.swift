import IntersessionCore
import IntersessionStore

/// Threads and posts: start, reply, edit, retract.
extension Actions {
    /// Starts a thread in `topic` (a key or id prefix); returns the thread's id (its opening post's).
    @discardableResult
    public func post(in topic: String, title: String, body: String, language: Language? = nil) throws -> EntityID {
        let title = try Input.title(title), body = try Input.body(body)
        try adoptOwnChanges()
        let op = ThreadCreate(topic: try entity(topic, as: .topic), title: title, body: body, language: language ?? writingLanguage)
        let thread = try sign([.threadCreate(op)]).entity(0)
        try store.markRead(posts: [thread.hex])
        return thread
    }

    /// Replies to `post` (an id prefix), quoting a passage of it when `quote` is given.
    @discardableResult
    public func reply(to post: String, body: String, quote: String? = nil, language: Language? = nil) throws -> EntityID {
        let body = try Input.body(body)
        try adoptOwnChanges()
        let parent = try store.post(try store.resolve(post, as: .post))
        guard let parentID = EntityID(hex: parent.id), let thread = EntityID(hex: parent.thread) else {
            throw StoreError.notFound(kind: "post", prefix: post)
        }
        let quote = try quote.map(Input.body)
        if let quote, !parent.body.contains(quote) { throw ActionError.quoteNotInPost(post: parentID.short) }
        let op = PostCreate(thread: thread, parent: parentID, body: body, language: language ?? writingLanguage, quote: quote)
        let reply = try sign([.postCreate(op)]).entity(0)
        try store.markRead(posts: [reply.hex])
        return reply
    }

    /// Replaces the text of one of this profile's posts; earlier texts stay in its history.
    @discardableResult
    public func edit(post: String, body: String) throws -> EntityID {
        let body = try Input.body(body)
        try adoptOwnChanges()
        let current = try store.post(try store.resolve(post, as: .post))
        let id = try entity(current.id, as: .post)
        guard body != current.body || current.retracted else { throw ActionError.textUnchanged }
        try sign([.postEdit(PostEdit(post: id, body: body))])
        return id
    }

    /// Withdraws one of this profile's posts.
    @discardableResult
    public func retract(post: String) throws -> EntityID {
        try adoptOwnChanges()
        let id = try entity(post, as: .post)
        try sign([.postRetract(PostRetract(post: id))])
        return id
    }
}
