/// What a moderation op does, once the rules found the author may moderate: set a register of
/// an existing post or thread, and leave a line in the audit log.
enum ModerationRules {
    static func mutations(
        _ moderation: Moderation, index: Int, stamp: ChangeStamp, reader: some StateReader,
        reject: (RejectionReason) -> [Mutation]
    ) throws -> [Mutation] {
        func post(_ id: EntityID) throws -> Bool { try reader.post(id) != nil }
        func audit(_ target: EntityID, _ detail: String?) -> Mutation {
            .audit(index: index, action: moderation.type, target: target.hex, detail: detail)
        }
        switch moderation.action {
        case .hide(let id, let reason):
            guard try post(id) else { return reject(.unknownPost) }
            guard ContentCheck.isTitle(reason) else { return reject(.invalidContent) }
            return [.setRegister(entity: id, register: .hidden, value: reason, stamp: stamp), audit(id, reason)]
        case .unhide(let id):
            guard try post(id) else { return reject(.unknownPost) }
            return [.setRegister(entity: id, register: .hidden, value: nil, stamp: stamp), audit(id, nil)]
        case .mark(let id, let mark):
            guard try post(id) else { return reject(.unknownPost) }
            return [.setRegister(entity: id, register: .mark, value: mark?.rawValue, stamp: stamp), audit(id, mark?.rawValue)]
        case .lock(let thread, let frontier):
            guard try reader.threadExists(thread) else { return reject(.unknownThread) }
            let value = CanonicalJSON.encode(.object(Dictionary(uniqueKeysWithValues: frontier.map { ($0.key.hex, JSONValue.int($0.value)) })))
            return [.setRegister(entity: thread, register: .lock, value: String(decoding: value, as: UTF8.self), stamp: stamp),
                    audit(thread, nil)]
        case .unlock(let thread):
            guard try reader.threadExists(thread) else { return reject(.unknownThread) }
            return [.setRegister(entity: thread, register: .lock, value: nil, stamp: stamp), audit(thread, nil)]
        case .pin(let thread, let pinned):
            guard try reader.threadExists(thread) else { return reject(.unknownThread) }
            return [.setRegister(entity: thread, register: .pinned, value: pinned ? "1" : nil, stamp: stamp),
                    audit(thread, pinned ? "pinned" : "unpinned")]
        case .move(let thread, let topic):
            guard try reader.threadExists(thread) else { return reject(.unknownThread) }
            guard try reader.topicExists(topic) else { return reject(.unknownTopic) }
            return [.setRegister(entity: thread, register: .topic, value: topic.hex, stamp: stamp), audit(thread, topic.hex)]
        case .rename(let thread, let title):
            guard try reader.threadExists(thread) else { return reject(.unknownThread) }
            guard ContentCheck.isTitle(title) else { return reject(.invalidContent) }
            return [.setRegister(entity: thread, register: .title, value: title, stamp: stamp), audit(thread, title)]
        }
    }
}
