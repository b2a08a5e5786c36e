/// What an agenda item is before the meeting for (the WCO's "for guidance and decision", "to
/// take note", …).
public enum ItemPurpose: String, Sendable, Hashable, CaseIterable {
    case information, note, discussion, guidance, decision
}

/// An item's category: approved without debate ("A" items) or for discussion.
public enum ItemCategory: String, Sendable, Hashable, CaseIterable {
    case withoutDiscussion = "without-discussion", forDiscussion = "for-discussion"
}

/// A document of an item: a draft, or one of its named versions.
public struct MeetingDocument: Sendable, Hashable {
    public var draft: EntityID
    public var version: String?

    public init(draft: EntityID, version: String? = nil) {
        self.draft = draft
        self.version = version
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = ["draft": .string(draft.hex)]
        if let version { fields["version"] = .string(version) }
        return .object(fields)
    }
}

/// `meeting.item`: adds an agenda item (`item` nil) or restates one. An added item is also its
/// discussion thread, in the meeting's topic (same id), opened with `text`; its comments are
/// the replies. A restatement replaces the number, title, purpose, category, deadline and
/// documents; the latest by stamp stands.
public struct MeetingItem: Sendable, Hashable {
    static let type = "meeting.item"
    public var meeting: EntityID
    public var item: EntityID?
    public var number: String
    /// The item this one is a sub-item of.
    public var parent: EntityID?
    public var title: String
    public var text: String
    public var language: Language
    public var purpose: ItemPurpose
    public var category: ItemCategory
    /// The item's own comment deadline when it differs from the phase's (prompts only).
    public var deadline: Int64?
    public var documents: [MeetingDocument]

    public init(meeting: EntityID, item: EntityID? = nil, number: String, parent: EntityID? = nil, title: String, text: String,
                language: Language, purpose: ItemPurpose, category: ItemCategory, deadline: Int64? = nil,
                documents: [MeetingDocument] = []) {
        self.meeting = meeting
        self.item = item
        self.number = number
        self.parent = parent
        self.title = title
        self.text = text
        self.language = language
        self.purpose = purpose
        self.category = category
        self.deadline = deadline
        self.documents = documents
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        meeting = try fields.entity("meeting")
        item = try fields.optionalEntity("item")
        number = try fields.string("number")
        parent = try fields.optionalEntity("parent")
        title = try fields.string("title")
        text = try fields.optionalString("text") ?? ""
        language = try fields.language("lang")
        guard let purpose = ItemPurpose(rawValue: try fields.string("purpose")) else { throw .badField("purpose", "is not a purpose") }
        guard let category = ItemCategory(rawValue: try fields.string("category")) else { throw .badField("category", "is not a category") }
        self.purpose = purpose
        self.category = category
        deadline = fields.fields["deadline"]?.intValue
        documents = try (fields.fields["documents"]?.arrayValue ?? []).map { value throws(ChangeFormatError) in
            let document = try OpFields(value)
            return MeetingDocument(draft: try document.entity("draft"), version: try document.optionalString("version"))
        }
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = [
            "t": .string(Self.type), "meeting": .string(meeting.hex), "number": .string(number), "title": .string(title),
            "lang": .string(language.rawValue), "purpose": .string(purpose.rawValue), "category": .string(category.rawValue),
            "documents": .array(documents.map(\.json)),
        ]
        if let item { fields["item"] = .string(item.hex) }
        if let parent { fields["parent"] = .string(parent.hex) }
        if !text.isEmpty { fields["text"] = .string(text) }
        if let deadline { fields["deadline"] = .int(deadline) }
        return .object(fields)
    }
}
