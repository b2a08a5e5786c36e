import IntersessionCore
import IntersessionStore

/// Drafts: start, save an edit, name a version, set the stage, name the penholders, comment on
/// a paragraph.
extension Actions {
    /// Starts a draft (co-chairs, secretariat) with this profile as penholder unless others are
    /// named, and its first text when given; returns its id.
    @discardableResult
    public func newDraft(title: String, topic: String, symbol: String, language: Language, penholders: [String] = [],
                         translationOf: String? = nil, text: String = "") throws -> EntityID {
        try adoptOwnChanges()
        let feeds = try penholders.map { try member($0).feed }
        let create = DraftCreate(title: try Input.title(title), topic: try entity(topic, as: .topic), language: language,
                                 symbol: try Input.title(symbol), penholders: feeds.isEmpty ? [key.feed] : feeds,
                                 translationOf: try translationOf.map { try entity($0, as: .draft) })
        let draft = try sign([.draftCreate(create)]).entity(0)
        if !text.isEmpty { try saveDraft(draft.hex, text: text) }
        return draft
    }

    /// Where an edit of `draft` starts; pass it back to `saveDraft` so that what others merged
    /// while the person edited stays.
    public func beginEdit(of draft: String) throws -> DraftStart {
        try adoptOwnChanges()
        return try store.draftStart(try entity(draft, as: .draft).hex)
    }

    /// Saves `text` as the draft's new text (penholders), as the runs that differ from `start`
    /// (the text now when nil). Returns false when nothing changed (nothing is signed).
    @discardableResult
    public func saveDraft(_ draft: String, text: String, from start: DraftStart? = nil) throws -> Bool {
        try adoptOwnChanges()
        let id = try entity(draft, as: .draft)
        guard let edit = try store.draftEdit(id.hex, text: text, from: start, by: key.feed) else { return false }
        try sign([.draftEdit(edit)])
        return true
    }

    /// Names the draft as it stands here (e.g. "Rev.1").
    @discardableResult
    public func nameVersion(of draft: String, _ name: String) throws -> EntityID {
        try adoptOwnChanges()
        let id = try entity(draft, as: .draft)
        try sign([.draftVersion(DraftVersion(draft: id, name: try Input.title(name), heads: try store.draftHeads(id.hex)))])
        return id
    }

    /// Sets the draft's stage (co-chairs, secretariat).
    @discardableResult
    public func setStatus(of draft: String, _ status: DraftStatus) throws -> EntityID {
        try adoptOwnChanges()
        let id = try entity(draft, as: .draft)
        try sign([.draftStatus(DraftSetStatus(draft: id, status: status))])
        return id
    }

    /// Names the draft's penholders (co-chairs, secretariat).
    @discardableResult
    public func setPenholders(of draft: String, _ members: [String]) throws -> [FeedID] {
        guard !members.isEmpty else { throw ActionError.noPenholders }
        try adoptOwnChanges()
        let id = try entity(draft, as: .draft)
        let feeds = try members.map { try member($0).feed }
        try sign([.draftPenholders(try store.penholderChange(draft: id, to: feeds).op)])
        return feeds
    }

    /// Comments on paragraph `paragraph`: a thread in the draft's topic, anchored to the
    /// paragraph, titled by `DraftComment`; returns the thread's id.
    @discardableResult
    public func comment(on draft: String, paragraph: Int, body: String, language: Language? = nil) throws -> EntityID {
        let body = try Input.body(body)
        try adoptOwnChanges()
        let id = try entity(draft, as: .draft)
        let detail = try store.draft(id.hex)
        let range = try AmendmentSpan.range(in: detail.text, paragraph: paragraph, span: nil).mapError(\.actionError).get()
        guard let topic = EntityID(hex: detail.summary.topic) else { throw StoreError.notFound(kind: "topic", prefix: detail.summary.topic) }
        let thread = ThreadCreate(
            topic: topic, title: DraftComment.title(paragraph: paragraph, symbol: detail.summary.symbol, draftTitle: detail.summary.title),
            body: body, language: language ?? writingLanguage, draft: id, anchor: try store.draftText(id.hex).anchor(at: range.lowerBound))
        let comment = try sign([.threadCreate(thread)]).entity(0)
        try store.markRead(posts: [comment.hex])
        return comment
    }
}
