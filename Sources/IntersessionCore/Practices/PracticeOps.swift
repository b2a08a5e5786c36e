/// `practice.create`: a member submits a practice (or keeps it as a draft first). The entity it
/// creates is the practice, its first version, and the thread of the group's comments on it
/// (in the practice's first topic). The submitter is the change's author; a practice submitted
/// for a business names it, and its delegation is the submitter's.
public struct PracticeCreate: Sendable, Hashable {
    static let type = "practice.create"
    public var content: PracticeContent
    /// Kept as a draft (the submitter submits it later), else submitted at once.
    public var draft: Bool

    public init(content: PracticeContent, draft: Bool = false) {
        self.content = content
        self.draft = draft
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        content = try PracticeContent(fields)
        draft = fields.fields["draft"]?.boolValue ?? false
    }

    var json: JSONValue {
        var fields = content.jsonFields
        fields["t"] = .string(Self.type)
        if draft { fields["draft"] = .bool(true) }
        return .object(fields)
    }
}

/// `practice.<step>`: one step of a practice's workflow, taken from the step it follows
/// (`after`: the practice's latest step as its author saw it), so its change depends on that
/// one. Steps that follow the same step are concurrent: ``PracticeHistory`` decides which goes
/// on. An update carries the new version's text; a publication names its edition; an
/// endorsement may name the poll (or silence procedure) that reached it; a supersession names
/// the newer practice; a return may say why.
public struct PracticeStep: Sendable, Hashable {
    public var practice: EntityID
    public var after: EntityID
    public var kind: PracticeStepKind
    public var content: PracticeContent?
    public var edition: EntityID?
    public var poll: EntityID?
    public var newer: EntityID?
    public var note: String?

    public static let types = PracticeStepKind.allCases.filter { $0 != .create }.map { "practice." + $0.rawValue }

    public init(practice: EntityID, after: EntityID, kind: PracticeStepKind, content: PracticeContent? = nil,
                edition: EntityID? = nil, poll: EntityID? = nil, newer: EntityID? = nil, note: String? = nil) {
        self.practice = practice
        self.after = after
        self.kind = kind
        self.content = content
        self.edition = edition
        self.poll = poll
        self.newer = newer
        self.note = note
    }

    public var type: String { "practice." + kind.rawValue }

    init(type: String, _ fields: OpFields) throws(ChangeFormatError) {
        guard let kind = PracticeStepKind(rawValue: String(type.dropFirst("practice.".count))), kind != .create else {
            throw .badField("t", "is not a practice step")
        }
        self.kind = kind
        practice = try fields.entity("practice")
        after = try fields.entity("after")
        content = kind == .update ? try PracticeContent(fields) : nil
        edition = try fields.optionalEntity("edition")
        poll = try fields.optionalEntity("poll")
        newer = try fields.optionalEntity("newer")
        note = try fields.optionalString("note")
    }

    var json: JSONValue {
        var fields = content?.jsonFields ?? [:]
        fields["t"] = .string(type)
        fields["practice"] = .string(practice.hex)
        fields["after"] = .string(after.hex)
        if let edition { fields["edition"] = .string(edition.hex) }
        if let poll { fields["poll"] = .string(poll.hex) }
        if let newer { fields["newer"] = .string(newer.hex) }
        if let note { fields["note"] = .string(note) }
        return .object(fields)
    }

    /// Whether the step carries exactly what its kind needs.
    var isWellFormed: Bool {
        (content != nil) == kind.carriesText && (edition != nil) == (kind == .publish) && (newer != nil) == (kind == .supersede)
            && (poll == nil || kind == .endorse) && (content?.isValid ?? true) && (note.map(ContentCheck.isBody) ?? true)
            && newer != practice
    }
}

/// `edition.new`: the secretariat or a co-chair opens a named collection of practices
/// ("2027 edition").
public struct EditionNew: Sendable, Hashable {
    static let type = "edition.new"
    public var title: LocalizedText

    public init(title: LocalizedText) { self.title = title }

    init(_ fields: OpFields) throws(ChangeFormatError) { title = try fields.localized("title") }

    var json: JSONValue { ["t": .string(Self.type), "title": title.json] }
}

/// `edition.add`: the secretariat puts a practice in an edition at one of its versions (by the
/// id of the step that made that version). It counts only once that version is published on
/// the practice's history (see ``EditionContents``), whatever the order of arrival.
public struct EditionAdd: Sendable, Hashable {
    static let type = "edition.add"
    public var edition: EntityID
    public var practice: EntityID
    public var version: EntityID

    public init(edition: EntityID, practice: EntityID, version: EntityID) {
        self.edition = edition
        self.practice = practice
        self.version = version
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        edition = try fields.entity("edition")
        practice = try fields.entity("practice")
        version = try fields.entity("version")
    }

    var json: JSONValue {
        ["t": .string(Self.type), "edition": .string(edition.hex), "practice": .string(practice.hex), "version": .string(version.hex)]
    }
}
