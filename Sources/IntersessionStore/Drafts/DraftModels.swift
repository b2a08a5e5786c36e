import IntersessionCore

public struct DraftSummary: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    /// The symbol with the latest version's name, e.g. "WGEC/2026/3 Rev.1".
    public var symbol: String
    public var status: String
    public var language: String
    public var topic: String
    public var translationOf: String?
    public var openAmendments: Int
    public var edited: Int64
}

/// A draft as read: its numbered paragraphs with their marks, versions and penholders.
public struct DraftDetail: Sendable, Equatable, Codable {
    public var summary: DraftSummary
    public var text: String
    public var paragraphs: [DraftParagraph]
    /// The names of those who hold the pen now, by name.
    public var penholders: [String]
    public var versions: [DraftVersionInfo]
    public var translations: [String]
}

public struct DraftParagraph: Sendable, Equatable, Codable {
    /// The paragraph number; nil for a heading.
    public var number: Int?
    public var text: String
    /// Who last changed it, and when.
    public var lastAuthor: String?
    public var lastChanged: Int64?
    /// Edits made without seeing each other both changed it: a penholder should review.
    public var concurrentEdits: Bool
    /// Open amendments make it bracketed.
    public var openAmendments: [String]
    /// A translation's paragraph whose source paragraph changed after it.
    public var sourceChangedSince: Bool
    /// Threads commenting on it.
    public var comments: [String]
}

public struct DraftVersionInfo: Sendable, Equatable, Codable {
    public var name: String
    public var time: Int64
    public var by: String
    public var heads: [String: Int64]

    /// The heads by feed, to replay the text the version names.
    public var feedHeads: [FeedID: Int64] {
        heads.reduce(into: [:]) { heads, entry in if let feed = FeedID(hex: entry.key) { heads[feed] = entry.value } }
    }
}

public struct AmendmentView: Sendable, Equatable, Codable {
    public var id: String
    public var kind: String
    /// The paragraph its span starts in, nil when the span is no longer in the text.
    public var paragraph: Int?
    /// That paragraph's number (nil for a heading).
    public var number: Int?
    /// The text of the span as it stands now.
    public var original: String
    public var text: String
    public var rationale: String
    public var sponsor: String
    public var sponsorDelegation: String?
    /// Names of those whose stance counts (`tally`, by the core's rule).
    public var supporters: [String]
    public var opponents: [String]
    /// Where it stands, by feed: `AmendmentTally.count` over members' stances.
    public var tally: AmendmentTally
    /// open, accepted or rejected.
    public var status: String
    /// Why it was rejected.
    public var reason: String?
    public var time: Int64
    /// Other open amendments to an overlapping span.
    public var alternatives: [String]
}
