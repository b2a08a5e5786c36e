/// The four sections of a practice, in the order a case study reads.
public enum PracticeSection: String, Sendable, Hashable, CaseIterable, Codable {
    case context, approach, results, lessons
}

/// What one version of a practice says: a title and a summary in English and French (the
/// language it was written in marked, the other a translation or absent), the topics of the
/// group's scope it falls under, its sections, and the business it is submitted for, when it is
/// (its delegation is the submitter's).
public struct PracticeContent: Sendable, Hashable {
    public static let maximumTopics = 7

    public var title: LocalizedText
    public var summary: LocalizedText
    public var original: Language
    public var topics: [EntityID]
    public var sections: [PracticeSection: LocalizedText]
    public var business: String?

    public init(title: LocalizedText, summary: LocalizedText, original: Language, topics: [EntityID],
                sections: [PracticeSection: LocalizedText] = [:], business: String? = nil) {
        self.title = title
        self.summary = summary
        self.original = original
        self.topics = topics
        self.sections = sections
        self.business = business
    }

    /// The version's titles, in both languages: what search indexes first.
    public var titleText: String { [title.english, title.french].compactMap { $0 }.joined(separator: "\n") }

    /// The summaries and sections, in both languages: what search indexes beside the titles.
    public var bodyText: String {
        ([summary] + PracticeSection.allCases.compactMap { sections[$0] }).flatMap { [$0.english, $0.french].compactMap { $0 } }
            .joined(separator: "\n")
    }

    /// The limits, checked on apply (a change may come from a replica that checked nothing) and
    /// by the acts before signing: the original language holds a title and a summary; every
    /// title fits a title, every other text a post; one to seven distinct topics.
    public var isValid: Bool {
        guard let originalTitle = Self.text(title, original), ContentCheck.isTitle(originalTitle),
            let originalSummary = Self.text(summary, original), ContentCheck.isBody(originalSummary)
        else { return false }
        let titles = [title.english, title.french].compactMap { $0 }
        let bodies = ([summary] + sections.values).flatMap { [$0.english, $0.french].compactMap { $0 } }
        return titles.allSatisfy(ContentCheck.isTitle) && bodies.allSatisfy(ContentCheck.isBody)
            && (1...Self.maximumTopics).contains(topics.count) && Set(topics).count == topics.count
            && (business.map(ContentCheck.isName) ?? true)
    }

    private static func text(_ text: LocalizedText, _ language: Language) -> String? {
        language == .en ? text.english : text.french
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        title = try fields.localized("title")
        summary = try fields.localized("summary")
        original = try fields.language("original")
        topics = try (fields.fields["topics"]?.arrayValue ?? []).map { value throws(ChangeFormatError) in
            guard let id = value.stringValue.flatMap(EntityID.init(hex:)) else { throw .badField("topics", "must hold entity ids") }
            return id
        }
        var sections: [PracticeSection: LocalizedText] = [:]
        for (name, value) in fields.fields["sections"]?.objectValue ?? [:] {
            guard let section = PracticeSection(rawValue: name), let text = LocalizedText(json: value) else {
                throw .badField("sections", "must map context, approach, results or lessons to en/fr texts")
            }
            sections[section] = text
        }
        self.sections = sections
        business = try fields.optionalString("business")
    }

    /// The fields of the version, merged into the op that carries it.
    var jsonFields: [String: JSONValue] {
        var fields: [String: JSONValue] = [
            "title": title.json, "summary": summary.json, "original": .string(original.rawValue),
            "topics": .array(topics.map { .string($0.hex) }),
            "sections": .object(Dictionary(uniqueKeysWithValues: sections.map { ($0.key.rawValue, $0.value.json) })),
        ]
        if let business { fields["business"] = .string(business) }
        return fields
    }

    /// The version as canonical JSON, as the store keeps it.
    public var canonicalJSON: String {
        String(decoding: CanonicalJSON.encode(.object(jsonFields)), as: UTF8.self)
    }

    /// The version read back from `canonicalJSON`.
    public init?(canonicalJSON text: String) {
        guard let value = try? JSONParser.parse(Array(text.utf8)), let fields = try? OpFields(value),
            let content = try? PracticeContent(fields)
        else { return nil }
        self = content
    }
}
