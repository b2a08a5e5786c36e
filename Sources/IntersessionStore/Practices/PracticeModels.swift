import IntersessionCore

/// A text in both working languages, as a practice carries its title, summary and sections.
public struct BilingualText: Sendable, Equatable, Codable {
    public var en: String?
    public var fr: String?

    public init(en: String?, fr: String?) {
        self.en = en
        self.fr = fr
    }

    init(_ text: LocalizedText) {
        en = text.english
        fr = text.french
    }

    /// The text in `language`, else in the other.
    public func text(in language: Language) -> String { (language == .en ? en ?? fr : fr ?? en) ?? "" }
}

/// A person as the library names them: from their signed profile.
public struct PracticePerson: Sendable, Equatable, Codable {
    public var feed: String
    public var name: String
    public var delegation: String
}

/// A practice as a listing shows it: its current version and where it stands.
public struct PracticeSummary: Sendable, Equatable, Codable {
    public var id: String
    public var title: BilingualText
    public var original: String
    public var state: String
    /// The step the practice's history stands at: the next step follows it.
    public var latest: String
    public var submitter: PracticePerson
    /// The business the practice is submitted for; its delegation is the submitter's.
    public var business: String?
    public var topics: [String]
    public var version: Int
    /// When it was first submitted and when its current version was made (milliseconds since
    /// 1970, from the signed changes).
    public var submitted: Int64?
    public var updated: Int64
    /// The editions it is in, by title.
    public var editions: [String]
    public var supersededBy: String?
}

/// One version of a practice: the step that made it and what it says.
public struct PracticeVersionView: Sendable, Equatable, Codable {
    public var id: String
    public var number: Int
    public var at: Int64
    public var title: BilingualText
    public var summary: BilingualText
    public var original: String
    public var topics: [String]
    public var business: String?
    /// context, approach, results, lessons, in that order; absent sections left out.
    public var sections: [PracticeSectionView]
}

public struct PracticeSectionView: Sendable, Equatable, Codable {
    public var section: String
    public var text: BilingualText
}

/// One step of a practice's history, overtaken or not.
public struct PracticeStepView: Sendable, Equatable, Codable {
    public var id: String
    public var kind: String
    public var state: String
    public var by: PracticePerson
    public var at: Int64
    public var after: String?
    /// False for a step on a branch that lost to a concurrent one.
    public var stands: Bool
    /// The version the practice was at after this step, on the path; nil for an overtaken step.
    public var version: Int?
    public var edition: String?
    public var poll: String?
    public var newer: String?
    public var note: String?
}

/// A practice whole: its summary, every version on its history (latest last), its steps in
/// the order they were taken, and its comment thread.
public struct PracticeDetail: Sendable, Equatable, Codable {
    public var summary: PracticeSummary
    public var thread: String
    public var versions: [PracticeVersionView]
    public var history: [PracticeStepView]

    public var current: PracticeVersionView? { versions.last }
}

/// An edition as a listing shows it.
public struct EditionSummary: Sendable, Equatable, Codable {
    public var id: String
    public var title: BilingualText
    public var practices: Int
}

/// An edition and, for each of its practices, the version it holds.
public struct EditionDetail: Sendable, Equatable, Codable {
    public struct Entry: Sendable, Equatable, Codable {
        public var practice: String
        public var submitter: PracticePerson
        public var state: String
        public var version: PracticeVersionView
    }

    public var summary: EditionSummary
    public var entries: [Entry]
}

/// A practice found by search: where its current version matches.
public struct PracticeHit: Sendable, Equatable, Codable {
    public var practice: String
    public var title: String
    public var snippet: String
}
