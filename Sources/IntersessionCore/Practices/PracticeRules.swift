/// Who may do what in the library. Any role but an observer's submits a practice; its
/// submitter updates, submits and withdraws it; the secretariat reviews, returns and publishes;
/// the secretariat or a co-chair opens it for comments and supersedes it; a co-chair endorses.
/// A step counts only from a state that allows it, on its own branch (the step it follows),
/// which every replica knows alike: nothing depends on what else has arrived.
public enum PracticeRules {
    static func mutations(
        _ op: PracticeOp, index: Int, change: SignedChange, roles: Set<Role>, reader: some StateReader,
        reject: (RejectionReason) -> [Mutation]
    ) throws -> [Mutation] {
        let stamp = change.stamp
        let id = change.entity(index)
        func audit(_ target: EntityID, _ detail: String? = nil) -> Mutation {
            .audit(index: index, action: op.type, target: target.hex, detail: detail)
        }
        switch op {
        case .create(let create):
            guard create.content.isValid else { return reject(.invalidContent) }
            guard mayContribute(roles) else { return reject(.notAuthorised) }
            for topic in create.content.topics where try !reader.topicExists(topic) { return reject(.unknownTopic) }
            let state: PracticeState = create.draft ? .draft : .submitted
            let content = create.content
            return [
                .practice(.create(id: id, practice: create, state: state, stamp: stamp)),
                .createThread(id: id, topic: content.topics[0], title: content.title.text(in: content.original), stamp: stamp),
                .createPost(NewPost(id: id, thread: id, parent: nil, body: content.summary.text(in: content.original),
                                    language: content.original, quote: nil, stamp: stamp, opIndex: index)),
                audit(id, state.rawValue),
            ]
        case .step(let step):
            guard step.isWellFormed else { return reject(.invalidContent) }
            guard let after = try reader.practiceStep(step.after), after.practice == step.practice else { return reject(.unknownPractice) }
            guard step.kind.actor.allows(roles: roles, isSubmitter: after.submitter == change.author) else {
                return reject(step.kind.actor == .submitter ? .notSubmitter : .notAuthorised)
            }
            guard let state = step.kind.next(from: after.state) else { return reject(.notAllowedInState) }
            for topic in step.content?.topics ?? [] where try !reader.topicExists(topic) { return reject(.unknownTopic) }
            if let edition = step.edition, try !reader.editionExists(edition) { return reject(.unknownEdition) }
            if let poll = step.poll, try reader.poll(poll) == nil { return reject(.unknownPoll) }
            if let newer = step.newer, try reader.practiceStep(newer)?.practice != newer { return reject(.unknownPractice) }
            return [.practice(.step(id: id, step: step, state: state, stamp: stamp)), audit(step.practice, state.rawValue)]
        case .editionNew(let edition):
            let titles = [edition.title.english, edition.title.french].compactMap { $0 }
            guard !titles.isEmpty, titles.allSatisfy(ContentCheck.isTitle) else { return reject(.invalidContent) }
            guard roles.contains(where: \.moderates) else { return reject(.notAuthorised) }
            return [.practice(.createEdition(id: id, edition: edition, stamp: stamp)), audit(id, edition.title.text(in: .en))]
        case .editionAdd(let addition):
            guard roles.contains(.secretariat) else { return reject(.notAuthorised) }
            guard try reader.editionExists(addition.edition) else { return reject(.unknownEdition) }
            guard let version = try reader.practiceStep(addition.version), version.practice == addition.practice, version.carriesText
            else { return reject(.unknownPractice) }
            return [.practice(.addToEdition(id: id, addition: addition, stamp: stamp)), audit(addition.edition, addition.practice.hex)]
        }
    }

    /// Whether `roles` allow submitting a practice: any role but an observer's.
    public static func mayContribute(_ roles: Set<Role>) -> Bool {
        !roles.subtracting([.observer]).isEmpty
    }
}
