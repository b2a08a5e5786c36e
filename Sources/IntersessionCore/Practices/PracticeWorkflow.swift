/// Where a practice stands in the library's workflow.
public enum PracticeState: String, Sendable, Hashable, CaseIterable, Codable {
    case draft, submitted, reviewed, open, endorsed, published, withdrawn, superseded

    /// A withdrawn or superseded practice takes no further step.
    public var isFinal: Bool { self == .withdrawn || self == .superseded }
}

/// Who takes a step: the practice's submitter, or an officer of the group.
public enum PracticeActor: Sendable, Hashable {
    case submitter, secretariat, cochair, officer

    /// Whether `roles` (held at the change's seq) and being the submitter or not allow the step.
    public func allows(roles: Set<Role>, isSubmitter: Bool) -> Bool {
        switch self {
        case .submitter: isSubmitter
        case .secretariat: roles.contains(.secretariat)
        case .cochair: roles.contains(.cochair)
        case .officer: roles.contains(where: \.moderates)
        }
    }
}

/// The steps of the workflow: draft → submitted → reviewed by the secretariat → open for the
/// group's comments → endorsed by the co-chairs → published in an edition; and, beside them,
/// update (a new version), return (the secretariat sends a submission back to its draft),
/// withdraw and supersede. `create` is the practice's first version.
public enum PracticeStepKind: String, Sendable, Hashable, CaseIterable, Codable {
    case create, update, submit, review, `return`, open, endorse, publish, withdraw, supersede

    /// Who may take the step.
    public var actor: PracticeActor {
        switch self {
        case .create, .update, .submit, .withdraw: .submitter
        case .review, .return, .publish: .secretariat
        case .open, .supersede: .officer
        case .endorse: .cochair
        }
    }

    /// Whether the step carries a version's text.
    public var carriesText: Bool { self == .create || self == .update }

    /// The state the step leads to from `state`, nil when the step is not allowed there.
    /// An update of a draft keeps it a draft; an update of anything further along is a new
    /// version that re-enters review (a published version stays in its edition as it was).
    public func next(from state: PracticeState) -> PracticeState? {
        switch (self, state) {
        case (.create, _): nil
        case (.update, .draft): .draft
        case (.update, .submitted), (.update, .reviewed), (.update, .open), (.update, .endorsed), (.update, .published): .submitted
        case (.submit, .draft): .submitted
        case (.review, .submitted): .reviewed
        case (.return, .submitted), (.return, .reviewed): .draft
        case (.open, .reviewed): .open
        case (.endorse, .open): .endorsed
        case (.publish, .endorsed): .published
        case (.withdraw, let from) where !from.isFinal: .withdrawn
        case (.supersede, .endorsed), (.supersede, .published): .superseded
        default: nil
        }
    }

    /// Which of two concurrent steps from the same state goes on: the higher rank, then the
    /// least id. The submitter's withdrawal first (their practice is theirs to take back), then
    /// a supersession, then an officer's step, and an update last: an officer acts on the
    /// version they saw, and an update overtaken is kept in the history; the submitter updates
    /// again from the new state, and that version re-enters review.
    public var rank: Int {
        switch self {
        case .withdraw: 3
        case .supersede: 2
        case .update: 0
        default: 1
        }
    }
}
