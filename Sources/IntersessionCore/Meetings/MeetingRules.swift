/// Who may do what in a meeting. The secretariat, and the co-chairs presiding (every co-chair
/// when the meeting names none), run it: phases, agenda, answers, outcomes. Any member with a
/// role registers themselves; concerns come from anyone but observers; the secretariat alone
/// says in which category a delegation takes part. Nothing here reads a
/// clock: deadlines only prompt, and a phase ends at its close's frontier.
public enum MeetingRules {
    static func mutations(
        _ op: MeetingOp, index: Int, change: SignedChange, roles: Set<Role>, reader: some StateReader,
        reject: (RejectionReason) -> [Mutation]
    ) throws -> [Mutation] {
        let stamp = change.stamp
        let author = change.body.author
        func runs(_ meeting: EntityID) throws -> RejectionReason? {
            guard let facts = try reader.meeting(meeting) else { return .unknownMeeting }
            return Self.runs(author, roles: roles, facts) ? nil : .notPresiding
        }
        func audit(_ target: EntityID, _ detail: String? = nil) -> Mutation {
            .audit(index: index, action: op.type, target: target.hex, detail: detail)
        }
        guard MeetingContent.isValid(op) else { return reject(.invalidContent) }
        switch op {
        case .new(let meeting):
            guard roles.contains(where: \.moderates) else { return reject(.notAuthorised) }
            guard try reader.topicExists(meeting.topic) else { return reject(.unknownTopic) }
            let id = change.entity(index)
            return [.meeting(.createMeeting(id: id, meeting: meeting, stamp: stamp)), audit(id, meeting.number)]
        case .phase(let phase):
            if let problem = try runs(phase.meeting) { return reject(problem) }
            if let item = phase.item, try reader.meetingItem(item) != phase.meeting { return reject(.unknownItem) }
            guard let frontier = phase.frontier else {
                return [.meeting(.openPhase(phase, stamp: stamp)), audit(phase.meeting, phase.phase.rawValue)]
            }
            guard CloseFrontier.isCovered(frontier, by: change.body) else { return reject(.frontierOutsideDeps) }
            return [.meeting(.closePhase(phase, frontier: frontier, stamp: stamp)), audit(phase.meeting, phase.phase.rawValue)]
        case .item(let item):
            return try itemMutations(item, index: index, change: change, roles: roles, reader: reader, reject: reject)
        case .register(let registration):
            guard try reader.meeting(registration.meeting) != nil else { return reject(.unknownMeeting) }
            if registration.participant != author, let problem = try runs(registration.meeting) { return reject(problem) }
            return [.meeting(.register(registration, stamp: stamp))]
        case .concern(let concern):
            guard try reader.meetingItem(concern.item) != nil else { return reject(.unknownItem) }
            guard !roles.subtracting([.observer]).isEmpty else { return reject(.notAuthorised) }
            return [.meeting(.raiseConcern(id: change.entity(index), concern: concern, stamp: stamp)), audit(concern.item)]
        case .answer(let answer):
            guard let item = try reader.meetingConcern(answer.concern), let meeting = try reader.meetingItem(item) else {
                return reject(.unknownConcern)
            }
            if let problem = try runs(meeting) { return reject(problem) }
            return [.meeting(.answerConcern(answer, stamp: stamp)), audit(answer.concern)]
        case .outcome(let outcome):
            guard let meeting = try reader.meetingItem(outcome.item) else { return reject(.unknownItem) }
            if let problem = try runs(meeting) { return reject(problem) }
            if let poll = outcome.poll, try reader.poll(poll) == nil { return reject(.unknownPoll) }
            return [.meeting(.setOutcome(id: change.entity(index), outcome: outcome, stamp: stamp)), audit(outcome.item, outcome.kind.rawValue)]
        case .category(let category):
            guard categorises(roles: roles) else { return reject(.notAuthorised) }
            return [.meeting(.categorise(category, stamp: stamp)),
                    .audit(index: index, action: op.type, target: category.delegation, detail: category.category.rawValue)]
        }
    }

    /// Whether someone holding `roles` may say in which category a delegation takes part: the
    /// group's record of who takes part as what is the secretariat's alone. The act asks it
    /// before signing, to say so in the member's language.
    public static func categorises(roles: Set<Role>) -> Bool { roles.contains(.secretariat) }

    /// Whether `author`, holding `roles` at the change's seq, runs the meeting.
    public static func runs(_ author: FeedID, roles: Set<Role>, _ meeting: MeetingFacts) -> Bool {
        if roles.contains(.secretariat) { return true }
        return roles.contains(.cochair) && (meeting.presiding.isEmpty || meeting.presiding.contains(author))
    }

    private static func itemMutations(
        _ item: MeetingItem, index: Int, change: SignedChange, roles: Set<Role>, reader: some StateReader,
        reject: (RejectionReason) -> [Mutation]
    ) throws -> [Mutation] {
        let stamp = change.stamp
        guard let meeting = try reader.meeting(item.meeting) else { return reject(.unknownMeeting) }
        guard runs(change.body.author, roles: roles, meeting) else { return reject(.notPresiding) }
        if let parent = item.parent, try reader.meetingItem(parent) != item.meeting { return reject(.unknownItem) }
        for document in item.documents {
            if try reader.draft(document.draft) == nil { return reject(.unknownDraft) }
        }
        let audit = Mutation.audit(index: index, action: MeetingItem.type, target: (item.item ?? change.entity(index)).hex, detail: item.number)
        if let existing = item.item {
            guard try reader.meetingItem(existing) == item.meeting else { return reject(.unknownItem) }
            guard item.parent != existing else { return reject(.unknownItem) }
            return [.meeting(.stateItem(id: existing, item: item, isNew: false, stamp: stamp)), audit]
        }
        let id = change.entity(index)
        let opening = item.text.trimmingWhitespace.isEmpty ? item.title : item.text
        return [
            .meeting(.stateItem(id: id, item: item, isNew: true, stamp: stamp)),
            .createThread(id: id, topic: meeting.topic, title: item.number + " " + item.title, stamp: stamp),
            .createPost(NewPost(id: id, thread: id, parent: nil, body: opening, language: item.language, quote: nil,
                                stamp: stamp, opIndex: index)),
            audit,
        ]
    }
}
