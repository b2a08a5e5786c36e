/// What the rules check a practice's step against: the step it follows, and the practice's
/// submitter.
public struct PracticeStepFacts: Sendable, Hashable {
    public var practice: EntityID
    /// The state the step led to on its own branch.
    public var state: PracticeState
    public var submitter: FeedID
    public var carriesText: Bool

    public init(practice: EntityID, state: PracticeState, submitter: FeedID, carriesText: Bool) {
        self.practice = practice
        self.state = state
        self.submitter = submitter
        self.carriesText = carriesText
    }
}

/// What the library's state answers the rules (the store implements it beside `StateReader`).
public protocol PracticeReader {
    /// A step of a practice (its creation included), when it was applied.
    func practiceStep(_ id: EntityID) throws -> PracticeStepFacts?
    func editionExists(_ id: EntityID) throws -> Bool
}

/// One change to the library, carried out by the store. Each row is keyed by the change that
/// made it; the store then decides the practice's history again from all its steps.
public enum PracticeMutation: Sendable, Hashable {
    case create(id: EntityID, practice: PracticeCreate, state: PracticeState, stamp: ChangeStamp)
    case step(id: EntityID, step: PracticeStep, state: PracticeState, stamp: ChangeStamp)
    case createEdition(id: EntityID, edition: EditionNew, stamp: ChangeStamp)
    case addToEdition(id: EntityID, addition: EditionAdd, stamp: ChangeStamp)
}
