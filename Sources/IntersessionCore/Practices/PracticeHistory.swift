/// A practice's history, decided from its steps alone. Every step names the step it follows,
/// so the steps form a tree rooted at the practice's creation, and each step's state is fixed
/// by its own branch (checked when it is applied). Where steps follow the same step (taken
/// concurrently, on replicas that had not seen each other's), the one of highest
/// ``PracticeStepKind/rank`` goes on, then the least id: ids are hashes of the signed changes,
/// the same on every replica, so neither a clock nor the order of arrival enters. The steps of
/// the branches that lose are kept, marked overtaken.
public struct PracticeHistory: Sendable, Hashable {
    /// One applied step of a practice, with the state it led to on its own branch.
    public struct Step: Sendable, Hashable {
        public var id: EntityID
        public var after: EntityID?
        public var kind: PracticeStepKind
        public var state: PracticeState
        public var edition: EntityID?

        public init(id: EntityID, after: EntityID?, kind: PracticeStepKind, state: PracticeState, edition: EntityID? = nil) {
            self.id = id
            self.after = after
            self.kind = kind
            self.state = state
            self.edition = edition
        }
    }

    /// A publication on the path: the edition and the version (the id of the step that made it).
    public struct Publication: Sendable, Hashable {
        public var edition: EntityID
        public var version: EntityID
        public var number: Int
    }

    /// The steps that stand, from the creation to the latest.
    public let path: [Step]
    /// The versions on the path (creation and updates), first to latest.
    public let versions: [EntityID]
    public let publications: [Publication]
    /// The steps no longer on the path.
    public let overtaken: Set<EntityID>

    public var state: PracticeState? { path.last?.state }
    public var latest: EntityID? { path.last?.id }
    public var currentVersion: EntityID? { versions.last }

    /// The number of a version on the path (1 for the first), nil when it is not on it.
    public func number(of version: EntityID) -> Int? { versions.firstIndex(of: version).map { $0 + 1 } }

    /// Which of concurrent steps goes on.
    public static func precedes(_ a: Step, _ b: Step) -> Bool {
        a.kind.rank != b.kind.rank ? a.kind.rank > b.kind.rank : a.id.hex < b.id.hex
    }

    /// The history of the practice created by `root`, from every applied step of it.
    public init(root: EntityID, steps: [Step]) {
        var children: [EntityID: [Step]] = [:]
        for step in steps { if let after = step.after { children[after, default: []].append(step) } }
        var path: [Step] = []
        var next = steps.first { $0.id == root && $0.after == nil }
        var visited: Set<EntityID> = []
        while let step = next, visited.insert(step.id).inserted {
            path.append(step)
            next = children[step.id]?.min(by: Self.precedes)
        }
        var versions: [EntityID] = []
        var publications: [Publication] = []
        for step in path {
            if step.kind.carriesText { versions.append(step.id) }
            if step.kind == .publish, let edition = step.edition, let version = versions.last {
                publications.append(Publication(edition: edition, version: version, number: versions.count))
            }
        }
        self.path = path
        self.versions = versions
        self.publications = publications
        overtaken = Set(steps.map(\.id)).subtracting(visited)
    }
}

/// What an edition holds: each practice once, at the latest of its versions put in it that is
/// published on its history: by a publication naming the edition, or by an `edition.add` of a
/// published version. An addition of a version not (or not yet) published counts for nothing.
public enum EditionContents {
    public struct Entry: Sendable, Hashable {
        public var practice: EntityID
        public var version: EntityID
        public var number: Int
    }

    /// `added` holds the (practice, version) pairs of the edition's `edition.add` ops.
    public static func entries(of edition: EntityID, added: [(practice: EntityID, version: EntityID)],
                               histories: [EntityID: PracticeHistory]) -> [Entry] {
        var chosen: [EntityID: Entry] = [:]
        func offer(_ entry: Entry) {
            if let held = chosen[entry.practice], held.number >= entry.number { return }
            chosen[entry.practice] = entry
        }
        for (practice, history) in histories {
            for publication in history.publications where publication.edition == edition {
                offer(Entry(practice: practice, version: publication.version, number: publication.number))
            }
        }
        for (practice, version) in added {
            guard let history = histories[practice], history.publications.contains(where: { $0.version == version }),
                let number = history.number(of: version)
            else { continue }
            offer(Entry(practice: practice, version: version, number: number))
        }
        return chosen.values.sorted { $0.practice.hex < $1.practice.hex }
    }
}
